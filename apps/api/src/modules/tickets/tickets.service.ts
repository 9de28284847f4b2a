import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { TicketAccessService } from './ticket-access.service';
import { allowedActionsFor, toHistoryResponse, toTicketResponse } from './ticket.response';
import { TicketsRepository, type TicketFilters } from './tickets.repository';

@Injectable()
export class TicketsService {
  constructor(
    private readonly repo: TicketsRepository,
    private readonly access: TicketAccessService,
  ) {}

  async getForViewer(id: string, viewer: AuthUser) {
    const ticket = await this.access.assertCanView(viewer, await this.repo.findById(id));
    const history = await this.repo.historyOf(ticket.id);
    return {
      ...toTicketResponse(ticket, viewer),
      history: history.map(toHistoryResponse),
      allowedActions: allowedActionsFor(ticket, viewer),
    };
  }

  async list(viewer: AuthUser, filters: TicketFilters) {
    const { items, total } = await this.repo.findVisible(await this.access.scopeOf(viewer), filters);
    return { items: items.map((t) => toTicketResponse(t, viewer)), total, page: filters.page, pageSize: filters.pageSize };
  }
}
