import { SmsCode } from '../modules/auth/sms-code.entity';
import { Department } from '../modules/org/department.entity';
import { OrgUnit } from '../modules/org/org-unit.entity';
import { TicketHistory } from '../modules/tickets/ticket-history.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [OrgUnit, Department, User, SmsCode, Ticket, TicketHistory];
