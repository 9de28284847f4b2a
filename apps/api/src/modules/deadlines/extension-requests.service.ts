import { Injectable } from '@nestjs/common';
import { yellowFrom } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/db-errors';
import { ConflictError, ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import { HistoryFactory } from '../tickets/history.factory';
import { TicketAccessService } from '../tickets/ticket-access.service';
import { TicketPolicy } from '../tickets/ticket-policy.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { CreateExtensionRequestDto, ExtensionDecisionDto } from './dto';
import type { ExtensionRequest, ExtensionStatus } from './extension-request.entity';
import { ExtensionRequestsRepository } from './extension-requests.repository';

const CLOCKED = ['dispatched', 'in_progress'];

/** `2026-12-17 21:53` in China time, for the trail people read (the exact instant stays in `data`). */
const chinaMinute = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const toResponse = (r: ExtensionRequest, caseCode?: string) => ({
  id: r.id,
  ticketId: r.ticketId,
  caseCode,
  departmentId: r.departmentId,
  requestedBy: r.requestedBy,
  reason: r.reason,
  currentDeadline: r.currentDeadline.toISOString(),
  requestedDeadline: r.requestedDeadline.toISOString(),
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionNote: r.decisionNote,
  createdAt: r.createdAt.toISOString(),
});

/**
 * 延期申请: deadlines move only when the lead department's handler asks and
 * a dispatcher of the ticket's centre approves. Both steps are on the trail.
 */
@Injectable()
export class ExtensionRequestsService {
  constructor(
    private readonly repo: ExtensionRequestsRepository,
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccessService,
    private readonly policy: TicketPolicy,
    private readonly history: HistoryFactory,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async request(user: AuthUser, ticketId: string, dto: CreateExtensionRequestDto) {
    const t = await this.access.assertCanView(user, await this.tickets.findById(ticketId));
    if (user.role !== 'handler' || !user.departmentId || t.departmentId !== user.departmentId) throw new ForbiddenError('只有承办部门可以申请延期');
    if (!CLOCKED.includes(t.status) || !t.resolveDeadline) throw new IllegalTransitionError('只有办理中的案件可以申请延期');
    const now = this.clock.now();
    if (dto.requestedDeadline.getTime() <= Math.max(t.resolveDeadline.getTime(), now.getTime())) {
      throw new ValidationError({ requestedDeadline: '新期限须晚于现有办结期限' });
    }
    const row: ExtensionRequest = {
      id: newId(),
      ticketId: t.id,
      pendingKey: t.id,
      requestedBy: user.id,
      departmentId: user.departmentId,
      reason: dto.reason.trim(),
      currentDeadline: t.resolveDeadline,
      requestedDeadline: dto.requestedDeadline,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      createdAt: now,
    };
    const entry = await this.history.byUser(user, {
      ticketId: t.id,
      action: 'comment',
      from: t.status,
      to: t.status,
      note: `申请延期至 ${chinaMinute(dto.requestedDeadline)}:${row.reason}`,
      data: { extension: { id: row.id, status: 'pending', requestedDeadline: row.requestedDeadline.toISOString() } },
      at: now,
    });
    try {
      await this.tickets.transaction(async (m) => {
        if (!(await this.tickets.updateIfStatus(m, t.id, t.status, {}, now))) throw new ConflictError();
        await this.repo.insert(m, row);
        await this.tickets.insertHistory(m, entry);
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('该案件已有待审批的延期申请');
      throw e;
    }
    return toResponse(row, t.caseCode);
  }

  async decide(user: AuthUser, ticketId: string, requestId: string, dto: ExtensionDecisionDto) {
    const t = await this.access.assertCanView(user, await this.tickets.findById(ticketId));
    const req = await this.repo.findForTicket(t.id, requestId);
    if (!req) throw new NotFoundError('未找到该延期申请');
    if (user.role !== 'dispatcher' || !(await this.policy.mayAct(user, t, 'dispatch'))) throw new ForbiddenError('只有受理调度员可以审批延期');
    if (req.status !== 'pending') throw new ConflictError('该延期申请已审批');
    const now = this.clock.now();
    const status = dto.approve ? 'approved' : 'rejected';
    const note = dto.note?.trim() || null;
    await this.tickets.transaction(async (m) => {
      if (!(await this.repo.decide(m, req.id, status, user.id, now, note))) throw new ConflictError('该延期申请已审批');
      if (dto.approve) {
        if (!CLOCKED.includes(t.status) || !t.dispatchedAt) throw new IllegalTransitionError('案件已不在办理中,无法延期');
        const moved = await this.tickets.updateIfStatus(
          m,
          t.id,
          t.status,
          { resolveDeadline: req.requestedDeadline, resolveYellowAt: yellowFrom(t.dispatchedAt, req.requestedDeadline) },
          now,
        );
        if (!moved) throw new ConflictError();
      } else if (!(await this.tickets.updateIfStatus(m, t.id, t.status, {}, now))) {
        throw new ConflictError();
      }
      await this.tickets.insertHistory(
        m,
        await this.history.byUser(user, {
          ticketId: t.id,
          action: 'comment',
          from: t.status,
          to: t.status,
          note: `${dto.approve ? '同意延期' : '不同意延期'}${note ? `:${note}` : ''}`,
          data: { extension: { id: req.id, status, resolveDeadline: (dto.approve ? req.requestedDeadline : t.resolveDeadline)?.toISOString() ?? null } },
          at: now,
        }),
      );
    });
    return toResponse({ ...req, status, pendingKey: null, decidedBy: user.id, decidedAt: now, decisionNote: note }, t.caseCode);
  }

  async list(user: AuthUser, status: ExtensionStatus | undefined) {
    const to = user.role === 'handler' ? { departmentId: user.departmentId ?? undefined } : { unitIds: user.unitId ? [...(await this.org.subtree(user.unitId))] : [] };
    const { entities, raw } = await this.repo.list(to, status);
    return { items: entities.map((r, i) => toResponse(r, (raw[i] as { case_code?: string }).case_code)) };
  }
}

