import { ConfigChange } from '../modules/admin/config-change.entity';
import { SmsCode } from '../modules/auth/sms-code.entity';
import { ExtensionRequest } from '../modules/deadlines/extension-request.entity';
import { SupervisionNotice } from '../modules/deadlines/supervision-notice.entity';
import { TimeLimitRuleRow } from '../modules/deadlines/time-limit-rule.entity';
import { Department } from '../modules/org/department.entity';
import { OrgUnit } from '../modules/org/org-unit.entity';
import { RoutingRule } from '../modules/routing/routing-rule.entity';
import { TicketDepartment } from '../modules/tickets/ticket-department.entity';
import { TicketHistory } from '../modules/tickets/ticket-history.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { Upload } from '../modules/uploads/upload.entity';
import { User } from '../modules/users/user.entity';
import { TriageOverride } from '../modules/workflow/triage-override.entity';

export const ENTITIES = [OrgUnit, Department, User, SmsCode, Ticket, TicketHistory, Upload, TicketDepartment, SupervisionNotice, ExtensionRequest, TimeLimitRuleRow, RoutingRule, ConfigChange, TriageOverride];
