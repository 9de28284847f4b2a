import { Injectable } from '@nestjs/common';
import { checkCaseCode, type Channel, type Role } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { NotFoundError, ValidationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { RateLimiter } from '../auth/rate-limiter';
import { PatrolLinks } from '../patrols/patrol-links.service';
import type { Ticket } from '../tickets/ticket.entity';
import { progressNames } from '../tickets/resident-progress';
import { toPublicView, toTicketResponse } from '../tickets/ticket.response';
import { OrgService } from '../org/org.service';
import { TicketsRepository } from '../tickets/tickets.repository';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import type { CreateReportDto } from './dto';
import { IntakeService } from './intake.service';

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
    private readonly intake: IntakeService,
    private readonly patrols: PatrolLinks,
    private readonly users: UsersRepository,
    private readonly uploads: UploadsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly org: OrgService,
  ) {}

  /**
   * Files a report as a ticket. Replaying the same Idempotency-Key returns the
   * first ticket (`replayed: true`), also when both requests race: the unique
   * index on (reporter, key) lets exactly one insert win. A grid worker's
   * report made on patrol (`patrolId`) is linked to that open patrol of theirs.
   */
  async create(user: AuthUser, dto: CreateReportDto, idempotencyKey: string) {
    // Replays are recognised by the unique index on (reporter, key) when the
    // insert is refused — no look-up on the hot path. A patrol report is looked
    // up first, so its replay still answers after the patrol has been closed.
    if (dto.patrolId) {
      const existing = await this.tickets.findByReporterAndKey(user.id, idempotencyKey);
      if (existing) return { ticket: existing, replayed: true };
    }

    const channel = dto.channel ?? DEFAULT_CHANNEL[user.role];
    if (!channel || !CHANNELS_BY_ROLE[user.role]?.includes(channel)) {
      throw new ValidationError({ channel: '当前身份不能使用该渠道提交' });
    }
    if (dto.patrolId) {
      if (channel !== 'grid_patrol') throw new ValidationError({ patrolId: '只有网格巡查上报可以关联巡查' });
      await this.patrols.assertOpenFor(user, dto.patrolId);
    }
    const reporter = user.role === 'resident' && !dto.contactPhone ? await this.users.findById(user.id) : null;
    return this.intake.file(user, {
      channel,
      text: dto.text,
      location: dto.location,
      photoIds: dto.photoIds,
      contactPhone: dto.contactPhone ?? reporter?.phone ?? null,
      anonymous: dto.anonymous,
      idempotencyKey,
      within: dto.patrolId ? (m, ticket) => this.patrols.link(m, dto.patrolId!, ticket.id) : undefined,
      winner: () => this.tickets.findByReporterAndKey(user.id, idempotencyKey),
    });
  }

  async mine(user: AuthUser) {
    const { items, total } = await this.tickets.findVisible({ kind: 'reporter', userId: user.id }, { page: 1, pageSize: 50 });
    const photos = await this.uploads.photosFor(items.map((t) => t.id), user);
    return { items: items.map((t) => toTicketResponse(t, user, new Date(), photos.get(t.id))), total };
  }

  /** The reporter's view of a ticket just filed (or replayed), with its photos. */
  async present(ticket: Ticket, user: AuthUser, attached: readonly string[] | undefined) {
    // A fresh report without photos has none to look up.
    const photos = attached?.length ? await this.uploads.photosFor([ticket.id], user) : new Map();
    return { ...toTicketResponse(ticket, user, new Date(), photos.get(ticket.id)), triage: ticket.triage };
  }

  place(lat: number, lng: number) {
    return this.org.describe({ lat, lng });
  }

  /**
   * The public view for whoever holds the code and the reporter's full phone;
   * 404 for any mismatch. A printed notice shows the code with a masked phone
   * (4 hidden digits, 10,000 candidates), so tries are limited per case code
   * (LOOKUP_MAX_FAILURES_PER_CASE wrong phones an hour, then the code is
   * locked for the hour) and per IP (failures and all lookups an hour).
   */
  async lookup(caseCode: string, phone: string, ip: string) {
    const hour = 3600;
    const ipBucket = `lookup:ip:${ip}`;
    const ipAllBucket = `lookup:ipall:${ip}`;
    await this.limiter.assertAllowed(ipAllBucket, '查询过于频繁,请稍后再试');
    await this.limiter.assertAllowed(ipBucket, '查询失败次数过多,请稍后再试');
    await this.limiter.recordAttempt(ipAllBucket, this.config.LOOKUP_MAX_PER_IP, hour);
    const checked = checkCaseCode(caseCode);
    if (!checked.valid) throw new ValidationError({ caseCode: '案件编码有误,请核对' });
    const caseBucket = `lookup:case:${checked.code}`;
    await this.limiter.assertAllowed(caseBucket, '该案件查询错误次数过多,请一小时后再试');
    const perIp = { windowSeconds: hour, freeFailures: this.config.LOOKUP_MAX_FAILURES_PER_IP, lockAfter: this.config.LOOKUP_MAX_FAILURES_PER_IP, lockSeconds: hour };
    const perCase = { windowSeconds: hour, freeFailures: this.config.LOOKUP_MAX_FAILURES_PER_CASE, lockAfter: this.config.LOOKUP_MAX_FAILURES_PER_CASE, lockSeconds: hour };
    // Counted before the phone is compared, given back when it matches: a burst of parallel guesses
    // cannot all pass the checks above before any failure is written (at most the limit get through).
    const byIp = await this.limiter.take(ipBucket, perIp, '查询失败次数过多,请稍后再试');
    const byCase = await this.limiter.take(caseBucket, perCase, '该案件查询错误次数过多,请一小时后再试');
    const failed = async () => {
      for (const [o, scope, id] of [
        [byIp, 'ip', ip],
        [byCase, 'case_code', checked.code],
      ] as const) {
        if (o.lockedNow) await this.audit.record({ action: 'lookup.lock', ip, targetType: scope, targetId: id, detail: { failures: o.failures, lockedUntil: o.blockedUntil?.toISOString() ?? null } });
      }
      return new NotFoundError('未找到该案件,请核对案件编码和手机号');
    };
    const ticket = await this.tickets.findByCaseCode(checked.code);
    if (!ticket) throw await failed();
    const reporter = ticket.contactPhone === phone ? null : await this.users.findById(ticket.reporterId);
    if (ticket.contactPhone !== phone && reporter?.phone !== phone) throw await failed();
    await this.limiter.refund(ipBucket, perIp);
    await this.limiter.refund(caseBucket, perCase);
    const history = await this.tickets.historyOf(ticket.id);
    return toPublicView(ticket, history, await progressNames(this.org, ticket, history));
  }
}
