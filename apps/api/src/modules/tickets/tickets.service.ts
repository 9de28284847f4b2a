import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { OrgService } from '../org/org.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { UploadsService } from '../uploads/uploads.service';
import { TicketAccessService } from './ticket-access.service';
import { TicketPolicy } from './ticket-policy.service';
import { progressNames, residentProgress } from './resident-progress';
import type { Ticket } from './ticket.entity';
import { toHistoryResponse, toTicketResponse, type TicketResponse } from './ticket.response';
import { TicketsRepository, type TicketFilters } from './tickets.repository';

@Injectable()
export class TicketsService {
  constructor(
    private readonly repo: TicketsRepository,
    private readonly access: TicketAccessService,
    private readonly policy: TicketPolicy,
    private readonly org: OrgService,
    private readonly routing: RoutingRulesService,
    private readonly clock: Clock,
    private readonly uploads: UploadsService,
  ) {}

  async getForViewer(id: string, viewer: AuthUser): Promise<TicketResponse> {
    const ticket = await this.access.assertCanView(viewer, await this.repo.findById(id));
    return this.present(ticket, viewer);
  }

  /** The full view of a ticket the viewer may see: history, allowed actions, and for staff the routing hints. */
  async present(ticket: Ticket, viewer: AuthUser): Promise<TicketResponse> {
    const history = await this.repo.historyOf(ticket.id);
    const allowedActions = await this.policy.allowedActions(viewer, ticket);
    const photos = await this.uploads.photosFor([ticket.id], viewer);
    const out: TicketResponse = {
      ...toTicketResponse(ticket, viewer, this.clock.now(), photos.get(ticket.id)),
      history: history.map((h) => toHistoryResponse(h, viewer, photos.get(ticket.id))),
      allowedActions,
    };
    if (viewer.role === 'resident') {
      out.progress = residentProgress(ticket, history, await progressNames(this.org, ticket, history), {
        withNotes: true,
        forReporter: ticket.reporterId === viewer.id,
        photos: photos.get(ticket.id),
      });
    }
    if (viewer.role !== 'resident') Object.assign(out, await this.staffExtras(ticket, allowedActions.includes('dispatch')));
    return out;
  }

  private async staffExtras(ticket: Ticket, mayDispatch: boolean) {
    const suggested = await this.routing.suggestedDepartment(ticket);
    const departments = await Promise.all(
      (await this.repo.departmentsOf(ticket.id)).map(async (d) => ({ id: d.departmentId, name: (await this.org.department(d.departmentId))?.name ?? '', role: d.role })),
    );
    return {
      suggestedDepartment: await this.routing.suggestedCode(ticket),
      suggestedDepartmentId: suggested?.id ?? null,
      departments,
      ...(mayDispatch
        ? { dispatchTargets: (await this.org.dispatchableDepartments(ticket.unitId)).map((d) => ({ id: d.id, code: d.code, name: d.name, unitId: d.unitId })) }
        : {}),
    };
  }

  async list(viewer: AuthUser, filters: TicketFilters) {
    const unitIds = filters.unitId ? [...(await this.org.subtree(filters.unitId))] : undefined;
    const now = this.clock.now();
    const { items, total } = await this.repo.findVisible(await this.access.scopeOf(viewer), { ...filters, unitIds }, now);
    const photos = await this.uploads.photosFor(items.map((t) => t.id), viewer);
    return { items: items.map((t) => toTicketResponse(t, viewer, now, photos.get(t.id))), total, page: filters.page, pageSize: filters.pageSize };
  }
}
