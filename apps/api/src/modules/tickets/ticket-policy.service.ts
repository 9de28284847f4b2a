import { Injectable } from '@nestjs/common';
import { actionsFrom, transitionFor, type TicketAction } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { OrgService } from '../org/org.service';
import { TicketAccessService } from './ticket-access.service';
import type { Ticket } from './ticket.entity';

/**
 * The unit/ownership half of "may this user do this?", shared by the state
 * machine (which enforces it) and `allowedActions` (which shows it), so an
 * action shown is an action that would succeed, payload aside.
 */
@Injectable()
export class TicketPolicy {
  constructor(
    private readonly access: TicketAccessService,
    private readonly org: OrgService,
  ) {}

  /** Role and ownership, regardless of status. Assumes the user may see the ticket. */
  async mayAct(user: AuthUser, t: Ticket, action: TicketAction): Promise<boolean> {
    if (!transitionFor(action).roles.includes(user.role)) return false;
    switch (user.role) {
      case 'resident':
        return t.reporterId === user.id;
      case 'grid_worker':
        // 现场化解 only in their own grid; a note on anything they may see.
        return action === 'settle_on_site' ? !!user.gridId && t.gridId === user.gridId : this.access.canView(user, t);
      case 'handler':
        // Assisting departments add notes; everything else is the lead's.
        return action === 'comment' ? this.access.canView(user, t) : !!user.departmentId && t.departmentId === user.departmentId;
      case 'dispatcher':
        return !!user.unitId && (await this.org.subtree(user.unitId)).has(t.unitId);
      case 'leader':
        return this.access.canView(user, t);
      case 'admin':
        return false;
    }
  }

  /** The centre above the ticket's queue, for 上报; undefined at the district. */
  async escalationTarget(t: Ticket) {
    return this.org.parentOf(t.unitId);
  }

  async allowedActions(user: AuthUser, t: Ticket): Promise<TicketAction[]> {
    const out: TicketAction[] = [];
    for (const action of actionsFrom(t.status, user.role)) {
      if (!(await this.mayAct(user, t, action))) continue;
      if (action === 'escalate' && !(await this.escalationTarget(t))) continue;
      out.push(action);
    }
    return out;
  }
}
