import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { NotFoundError } from '../../common/errors';
import { OrgService } from '../org/org.service';
import type { Ticket } from './ticket.entity';
import { TicketsRepository, type TicketScope } from './tickets.repository';

/**
 * Who may see which tickets — one answer for every route. Residents: their
 * own reports. Grid workers: their grid. Handlers: their department's, as
 * lead or assisting department (联合调处).
 * Dispatchers: their centre's queue and the centres below it. Leaders and
 * admins: everything placed in their unit and below.
 */
@Injectable()
export class TicketAccessService {
  constructor(
    private readonly org: OrgService,
    private readonly repo: TicketsRepository,
  ) {}

  async scopeOf(user: AuthUser): Promise<TicketScope> {
    switch (user.role) {
      case 'resident':
        return { kind: 'reporter', userId: user.id };
      case 'grid_worker':
        return user.gridId ? { kind: 'grid', gridId: user.gridId, userId: user.id } : { kind: 'reporter', userId: user.id };
      case 'handler':
        return user.departmentId ? { kind: 'department', departmentId: user.departmentId } : { kind: 'units', unitIds: [], byLocation: false };
      case 'dispatcher':
      case 'leader':
      case 'admin': {
        const unitIds = user.unitId ? [...(await this.org.subtree(user.unitId))] : [];
        return { kind: 'units', unitIds, byLocation: user.role !== 'dispatcher' };
      }
    }
  }

  async canView(user: AuthUser, t: Ticket): Promise<boolean> {
    if (t.reporterId === user.id) return true;
    const scope = await this.scopeOf(user);
    switch (scope.kind) {
      case 'reporter':
        return false;
      case 'grid':
        return t.gridId === scope.gridId;
      case 'department':
        return t.departmentId === scope.departmentId || (await this.repo.isAssigned(t.id, scope.departmentId));
      case 'units': {
        const ids = new Set(scope.unitIds);
        if (ids.has(t.unitId)) return true;
        return scope.byLocation && [t.districtId, t.streetId, t.communityId, t.gridId].some((id) => id && ids.has(id));
      }
    }
  }

  /** 404, never 403, for a ticket the user may not see: its existence is not revealed. */
  async assertCanView(user: AuthUser, t: Ticket | null): Promise<Ticket> {
    if (!t || !(await this.canView(user, t))) throw new NotFoundError('未找到该案件');
    return t;
  }
}
