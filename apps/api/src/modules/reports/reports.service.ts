import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { checkCaseCode, generateCaseCode, ROLE_LABELS, type Channel, type Role } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { TicketHistory } from '../tickets/ticket-history.entity';
import { Ticket } from '../tickets/ticket.entity';
import { toPublicView, toTicketResponse } from '../tickets/ticket.response';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TriageService } from '../triage/triage.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import type { CreateReportDto } from './dto';

/** Which intake channels each role may file under. */
const CHANNELS_BY_ROLE: Partial<Record<Role, Channel[]>> = {
  resident: ['miniprogram'],
  grid_worker: ['grid_patrol'],
  dispatcher: ['walk_in', 'hotline_12345', 'police_110', 'department'],
  handler: ['department'],
};
const DEFAULT_CHANNEL: Partial<Record<Role, Channel>> = {
  resident: 'miniprogram',
  grid_worker: 'grid_patrol',
  dispatcher: 'walk_in',
  handler: 'department',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseIdempotencyKey(raw: string | string[] | undefined): string {
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) throw new ValidationError({ 'Idempotency-Key': '缺少请求幂等键 (Idempotency-Key 请求头)' });
  if (!UUID.test(key)) throw new ValidationError({ 'Idempotency-Key': '幂等键须为 UUID' });
  return key.toLowerCase();
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly triage: TriageService,
    private readonly org: OrgService,
    private readonly users: UsersRepository,
    private readonly routing: RoutingRulesService,
    private readonly uploads: UploadsService,
  ) {}

  /**
   * Files a report as a ticket. Replaying the same Idempotency-Key returns the
   * first ticket (`replayed: true`), also when both requests race: the unique
   * index on (reporter, key) lets exactly one insert win.
   */
  async create(user: AuthUser, dto: CreateReportDto, idempotencyKey: string) {
    const existing = await this.tickets.findByReporterAndKey(user.id, idempotencyKey);
    if (existing) return { ticket: existing, replayed: true };

    const channel = dto.channel ?? DEFAULT_CHANNEL[user.role];
    if (!channel || !CHANNELS_BY_ROLE[user.role]?.includes(channel)) {
      throw new ValidationError({ channel: '当前身份不能使用该渠道提交' });
    }
    const text = dto.text.trim();
    const suggestion = this.triage.assess(text, channel);
    const placement = await this.org.place(dto.location);
    const now = new Date();
    const reporter = await this.users.findById(user.id);
    const contactPhone = dto.contactPhone ?? (user.role === 'resident' ? reporter?.phone ?? null : null);

    for (let attempt = 0; ; attempt++) {
      const ticket: Ticket = {
        id: newId(),
        caseCode: generateCaseCode(now),
        status: 'submitted',
        channel,
        text,
        reporterId: user.id,
        idempotencyKey,
        contactPhone,
        anonymous: dto.anonymous ?? false,
        lat: dto.location?.lat ?? null,
        lng: dto.location?.lng ?? null,
        address: dto.location?.address?.trim() || null,
        locationUnverified: placement.locationUnverified,
        gridId: placement.gridId,
        communityId: placement.communityId,
        streetId: placement.streetId,
        districtId: placement.districtId,
        unitId: await this.routing.centreFor(placement, suggestion.riskLevel),
        departmentId: null,
        triage: suggestion,
        category: suggestion.category,
        riskLevel: suggestion.riskLevel,
        suggestedDepartment: null,
        dispatchedAt: null,
        signDeadline: null,
        signYellowAt: null,
        resolveDeadline: null,
        resolveYellowAt: null,
        reopenCount: 0,
        createdAt: now,
        updatedAt: now,
      };
      const entry: TicketHistory = {
        id: newId(),
        ticketId: ticket.id,
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        actorId: user.id,
        actorRole: user.role,
        actorLabel: user.role === 'resident' ? '反映人' : ROLE_LABELS[user.role],
        note: null,
        data: { channel },
        at: now,
      };
      try {
        await this.tickets.transaction(async (m) => {
          await this.tickets.insertWithHistory(m, ticket, entry);
          // Same transaction: a photo that is not the reporter's own rolls the whole report back.
          await this.uploads.attach(m, user.id, dto.photoIds, { ticketId: ticket.id });
        });
        return { ticket, replayed: false };
      } catch (e) {
        if (!(e instanceof QueryFailedError)) throw e;
        // Lost a race on the same key: the winner's ticket is the answer.
        const winner = await this.tickets.findByReporterAndKey(user.id, idempotencyKey);
        if (winner) return { ticket: winner, replayed: true };
        // Otherwise a case-code collision: draw again.
        if (attempt >= 4) throw e;
      }
    }
  }

  async mine(user: AuthUser) {
    const { items, total } = await this.tickets.findVisible({ kind: 'reporter', userId: user.id }, { page: 1, pageSize: 50 });
    const photos = await this.uploads.photosFor(items.map((t) => t.id), user);
    return { items: items.map((t) => toTicketResponse(t, user, new Date(), photos.get(t.id))), total };
  }

  /** The reporter's view of a ticket just filed (or replayed), with its photos. */
  async present(ticket: Ticket, user: AuthUser) {
    const photos = await this.uploads.photosFor([ticket.id], user);
    return { ...toTicketResponse(ticket, user, new Date(), photos.get(ticket.id)), triage: ticket.triage };
  }

  /** The public view for whoever holds the code and the reporter's phone; 404 for any mismatch. */
  async lookup(caseCode: string, phone: string) {
    const checked = checkCaseCode(caseCode);
    if (!checked.valid) throw new ValidationError({ caseCode: '案件编码有误,请核对' });
    const ticket = await this.tickets.findByCaseCode(checked.code);
    if (!ticket) throw new NotFoundError('未找到该案件,请核对案件编码和手机号');
    const reporter = ticket.contactPhone === phone ? null : await this.users.findById(ticket.reporterId);
    if (ticket.contactPhone !== phone && reporter?.phone !== phone) {
      throw new NotFoundError('未找到该案件,请核对案件编码和手机号');
    }
    return toPublicView(ticket, await this.tickets.historyOf(ticket.id));
  }
}
