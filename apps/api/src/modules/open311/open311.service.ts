import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  gcj02ToWgs84,
  maskIdCardsIn,
  maskPhonesIn,
  OUTCOME_LABELS,
  STATUS_LABELS,
  wgs84ToGcj02,
  type Category,
  type Outcome,
  type TicketStatus,
} from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { isDuplicateKey } from '../../common/db-errors';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../common/errors';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgService } from '../org/org.service';
import type { Partner, PartnerScope } from '../partners/partner.entity';
import { IntakeService } from '../reports/intake.service';
import { TicketHistory } from '../tickets/ticket-history.entity';
import { Ticket } from '../tickets/ticket.entity';
import { UploadsService } from '../uploads/uploads.service';
import { ATTRIBUTES, detailedStatus, open311Status, parseW3c, PUBLIC_CATEGORIES, w3c } from './catalogue';
import { MediaFetcher } from './media-fetcher';

/** A form or query parsed with repeated keys kept: `media_url` and `attribute[code][]` may repeat. */
export type Params = Map<string, string[]>;

export const first = (p: Params, k: string): string | undefined => {
  const v = p.get(k)?.[0];
  return v === undefined || v === '' ? undefined : v; // the spec: an empty argument is an absent one
};

/** 12345/110 caller numbers: mobiles and landlines (as hotline imports accept them). */
const CALLER_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
const EXTERNAL_ID = /^[A-Za-z0-9_.:\-]{1,64}$/;
const MAX_DESCRIPTION = 4000;
const MAX_RANGE_DAYS = 90;
const MAX_PAGE_SIZE = 1000;

/** The partner key as the intake's caller: reports are the partner's own (reporter id = partner id). */
export function partnerActor(p: Partner): AuthUser {
  return { id: p.id, role: 'resident', unitId: null, departmentId: null, gridId: null, label: p.name };
}

export interface FiledRequest {
  service_request_id: string;
  service_notice: string;
}

type UnitColumn = 'district_id' | 'street_id' | 'community_id' | 'grid_id';
const COLUMN_OF_LEVEL: Record<string, UnitColumn> = { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id' };
const PLACEMENT_KEY: Record<UnitColumn, 'districtId' | 'streetId' | 'communityId' | 'gridId'> = {
  district_id: 'districtId',
  street_id: 'streetId',
  community_id: 'communityId',
  grid_id: 'gridId',
};

const has = (p: Partner, s: PartnerScope) => p.scopes.includes(s);

@Injectable()
export class Open311Service {
  constructor(
    private readonly intake: IntakeService,
    private readonly uploads: UploadsService,
    private readonly org: OrgService,
    private readonly media: MediaFetcher,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketHistory) private readonly history: Repository<TicketHistory>,
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
  ) {}

  /** Whether this key may see the private categories in the service list. */
  seesPrivate(p: Partner | null): boolean {
    return !!p && (has(p, 'file') || has(p, 'read_own'));
  }

  private async areaColumn(p: Partner): Promise<UnitColumn> {
    const unit = await this.org.unit(p.unitId);
    if (!unit) throw new ForbiddenError('密钥的辖区已不存在,请联系管理员');
    return COLUMN_OF_LEVEL[unit.level];
  }

  /** POST requests: one report through the common intake, idempotent by the partner's own id. */
  async file(p: Partner, params: Params): Promise<FiledRequest> {
    if (!has(p, 'file')) throw new ForbiddenError('该密钥无提交权限');
    const code = first(params, 'service_code');
    if (!code) throw new ValidationError({ service_code: '请提供 service_code' });
    if (!CATEGORIES.includes(code as Category)) throw new NotFoundError(`service_code 不存在:${code}`);
    const category = code as Category;

    const errors: Record<string, string> = {};
    const description = (first(params, 'description') ?? '').trim();
    if (!description) errors.description = '请填写问题描述';
    else if (description.length > MAX_DESCRIPTION) errors.description = `问题描述最多${MAX_DESCRIPTION}字`;

    const latRaw = first(params, 'lat');
    const lngRaw = first(params, 'long');
    const address = first(params, 'address_string')?.trim().slice(0, 200);
    const addressId = first(params, 'address_id');
    let location: { lat: number; lng: number } | null = null;
    if (latRaw !== undefined || lngRaw !== undefined) {
      const lat = Number(latRaw);
      const lng = Number(lngRaw);
      if (latRaw === undefined || !Number.isFinite(lat) || lat < -90 || lat > 90) errors.lat = 'lat 须为 -90 到 90 之间的数字(WGS84),且与 long 同时提供';
      if (lngRaw === undefined || !Number.isFinite(lng) || lng < -180 || lng > 180) errors.long = 'long 须为 -180 到 180 之间的数字(WGS84),且与 lat 同时提供';
      // Open311 speaks WGS84; the product stores GCJ-02 like the mini-program.
      if (!errors.lat && !errors.long) location = wgs84ToGcj02({ lat, lng });
    } else if (!address && !addressId) {
      errors.lat = '请提供位置:lat 与 long,或 address_string';
    }

    const phone = first(params, 'phone')?.replace(/\s/g, '');
    if (phone && !CALLER_PHONE.test(phone)) errors.phone = '电话号码格式不正确';

    const externalId = first(params, 'attribute[external_id]');
    if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) errors['attribute[external_id]'] = 'external_id 须为1到64位字母、数字或 _ . : -';

    const lines: string[] = [];
    for (const a of ATTRIBUTES[category] ?? []) {
      const key = `attribute[${a.code}]`;
      const value = first(params, key)?.trim();
      if (value === undefined) {
        if (a.required) errors[key] = `请填写${a.description}`;
        continue;
      }
      if (a.datatype === 'number') {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0) errors[key] = `${a.description}须为不小于0的数字`;
        else lines.push(`${a.label}:${n}${a.unit ?? ''}`);
      } else if (a.datatype === 'singlevaluelist') {
        const v = a.values!.find((x) => x.key === value);
        if (!v) errors[key] = `${a.description}须为 ${a.values!.map((x) => x.key).join('、')} 之一`;
        else lines.push(`${a.label}:${v.name}`);
      } else if (value.length > 100) {
        errors[key] = `${a.description}最多100字`;
      } else {
        lines.push(`${a.label}:${value}`);
      }
    }
    const mediaUrls = (params.get('media_url') ?? []).concat(params.get('media_url[]') ?? []).filter(Boolean);
    if (mediaUrls.length > 9) errors.media_url = '最多9个媒体链接';
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const actor = partnerActor(p);
    if (externalId) {
      const known = await this.tickets.findOneBy({ reporterId: p.id, idempotencyKey: externalId });
      if (known) return { service_request_id: known.caseCode, service_notice: '该请求已提交过,返回原案件编号' };
    }

    // The key's area: a report placed elsewhere is not this key's to file.
    const col = await this.areaColumn(p);
    if (location) {
      const placement = await this.org.place(location);
      if (!placement.locationUnverified && placement[PLACEMENT_KEY[col]] !== p.unitId) throw new ForbiddenError('该位置不在本密钥的辖区内');
    }

    // Photos only from allow-listed hosts, through the upload pipeline (checked, re-encoded, metadata stripped).
    const notices: string[] = [];
    const photoIds: string[] = [];
    for (const url of mediaUrls) {
      const got = await this.media.fetch(url);
      if (!got.ok) {
        notices.push(`照片${got.reason}`);
        continue;
      }
      try {
        photoIds.push((await this.uploads.upload(actor, got.bytes)).id);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        notices.push(`照片未采用:${e.errors ? Object.values(e.errors)[0] : e.message}`);
      }
    }

    const text = [description, ...lines].join('\n');
    const winner = async () => (externalId ? this.tickets.findOneBy({ reporterId: p.id, idempotencyKey: externalId }) : null);
    let ticket: Ticket;
    try {
      ({ ticket } = await this.intake.file(actor, {
        channel: p.channel,
        text,
        location: location ? { ...location, address } : null,
        address: address ?? null,
        photoIds,
        contactPhone: phone ?? null,
        idempotencyKey: externalId ?? null,
        winner,
      }));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const w = await winner();
      if (!w) throw e;
      ticket = w;
    }
    const notice = ['已收到,案件编号' + ticket.caseCode + ',24小时内受理', ...notices].join(';');
    return { service_request_id: ticket.caseCode, service_notice: notice };
  }

  /** GET tokens/{token}: the token is the partner's own request id (attribute[external_id]). */
  async token(p: Partner, token: string) {
    if (!EXTERNAL_ID.test(token)) throw new NotFoundError('token 不存在');
    const t = await this.tickets.findOneBy({ reporterId: p.id, idempotencyKey: token });
    if (!t) throw new NotFoundError('token 不存在');
    return [{ token, service_request_id: t.caseCode }];
  }

  /** GET requests and requests/{id}: what this key may see, newest first. */
  async query(p: Partner, params: Params, oneId?: string) {
    const own = has(p, 'read_own');
    const pub = has(p, 'read_public');
    if (!own && !pub) throw new ForbiddenError('该密钥无查询权限');
    const col = await this.areaColumn(p);
    const q = this.tickets.createQueryBuilder('t');
    q.where(
      new Brackets((b) => {
        if (own) b.orWhere('t.reporter_id = :pid', { pid: p.id });
        if (pub)
          b.orWhere(
            new Brackets((c) =>
              c.where(`t.${col} = :area`, { area: p.unitId }).andWhere('t.category IN (:...pubcats)', { pubcats: PUBLIC_CATEGORIES }).andWhere('t.urgent = :no', { no: false }),
            ),
          );
      }),
    );

    const jurisdiction = first(params, 'jurisdiction_id');
    if (jurisdiction) {
      const unit = await this.units.findOneBy({ code: jurisdiction });
      if (!unit || !(await this.org.subtree(p.unitId)).has(unit.id)) throw new NotFoundError(`jurisdiction_id 不存在:${jurisdiction}`);
      q.andWhere(`t.${COLUMN_OF_LEVEL[unit.level]} = :jur`, { jur: unit.id });
    }

    let limit = MAX_PAGE_SIZE;
    const ids = oneId !== undefined ? [oneId] : first(params, 'service_request_id')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (ids?.length) {
      // The spec: service_request_id overrides every other argument.
      if (ids.length > 100) throw new ValidationError({ service_request_id: '一次最多查询100个案件编号' });
      q.andWhere('t.case_code IN (:...codes)', { codes: ids.map((s) => s.toUpperCase()) });
    } else {
      const errors: Record<string, string> = {};
      const codes = first(params, 'service_code')?.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = codes?.filter((c) => !CATEGORIES.includes(c as Category));
      if (unknown?.length) errors.service_code = `service_code 不存在:${unknown.join(',')}`;
      const statuses = first(params, 'status')?.split(',').map((s) => s.trim()).filter(Boolean);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed')) errors.status = 'status 须为 open、closed 或二者以逗号连接';
      const startRaw = first(params, 'start_date');
      const endRaw = first(params, 'end_date');
      const start = startRaw ? parseW3c(startRaw) : null;
      const end = endRaw ? parseW3c(endRaw) : null;
      if (startRaw && !start) errors.start_date = 'start_date 须为带时区的 W3C 日期时间,如 2026-01-01T00:00:00+08:00';
      if (endRaw && !end) errors.end_date = 'end_date 须为带时区的 W3C 日期时间,如 2026-01-31T23:59:59+08:00';
      const to = end ?? (start ? new Date(start.getTime() + MAX_RANGE_DAYS * 86_400_000) : new Date());
      const from = start ?? new Date(to.getTime() - MAX_RANGE_DAYS * 86_400_000);
      if (!errors.start_date && !errors.end_date) {
        if (from > to) errors.end_date = 'end_date 不能早于 start_date';
        else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) errors.end_date = `查询时间跨度不能超过${MAX_RANGE_DAYS}天`;
      }
      const page = Number(first(params, 'page') ?? '1');
      const pageSize = Number(first(params, 'page_size') ?? String(MAX_PAGE_SIZE));
      if (!Number.isInteger(page) || page < 1 || page > 10000) errors.page = 'page 须为1到10000的整数';
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) errors.page_size = `page_size 须为1到${MAX_PAGE_SIZE}的整数`;
      if (Object.keys(errors).length) throw new ValidationError(errors);
      if (codes?.length) q.andWhere('t.category IN (:...cats)', { cats: codes });
      if (statuses?.length && new Set(statuses).size === 1) {
        const closed: TicketStatus[] = ['resolved', 'closed', 'declined'];
        q.andWhere(`t.status ${statuses[0] === 'closed' ? 'IN' : 'NOT IN'} (:...closedStatuses)`, { closedStatuses: closed });
      }
      q.andWhere('t.created_at >= :from AND t.created_at <= :to', { from, to });
      q.skip((page - 1) * pageSize);
      limit = pageSize;
    }
    const rows = await q.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').take(limit).getMany();
    if (oneId !== undefined && !rows.length) throw new NotFoundError('案件不存在或无权查看');
    return this.present(p, rows);
  }

  private async present(p: Partner, rows: Ticket[]) {
    const done = rows.filter((t) => t.status === 'resolved' || t.status === 'closed').map((t) => t.id);
    const outcomes = new Map<string, Outcome>();
    if (done.length) {
      const hs = await this.history.find({ where: { ticketId: In(done), action: In(['feedback', 'settle_on_site']) }, order: { at: 'ASC', seq: 'ASC' } });
      for (const h of hs) if (h.data?.outcome) outcomes.set(h.ticketId, h.data.outcome as Outcome);
    }
    const out = [];
    for (const t of rows) {
      const mine = t.reporterId === p.id && has(p, 'read_own');
      const outcome = outcomes.get(t.id) ?? null;
      const dep = t.departmentId ? await this.org.department(t.departmentId) : undefined;
      const category = t.category ?? 'other';
      let lat: number | null = null;
      let long: number | null = null;
      if (t.lat !== null && t.lng !== null) {
        const w = gcj02ToWgs84({ lat: t.lat, lng: t.lng });
        // Public reads: about 100 m, never a doorstep.
        const digits = mine ? 6 : 3;
        lat = Number(w.lat.toFixed(digits));
        long = Number(w.lng.toFixed(digits));
      }
      out.push({
        service_request_id: t.caseCode,
        status: open311Status(t.status),
        status_notes: STATUS_LABELS[t.status] + (outcome && (t.status === 'resolved' || t.status === 'closed') ? `:${OUTCOME_LABELS[outcome]}` : ''),
        service_name: CATEGORY_LABELS[category],
        service_code: category,
        // Contact details are never returned; the text only to the partner that filed it, with numbers masked.
        description: mine ? maskPhonesIn(maskIdCardsIn(t.text)).slice(0, MAX_DESCRIPTION) : null,
        agency_responsible: dep?.name ?? null,
        service_notice: null,
        requested_datetime: w3c(t.createdAt)!,
        updated_datetime: w3c(t.updatedAt),
        expected_datetime: w3c(t.resolveDeadline),
        address: mine ? t.address : null,
        address_id: null,
        zipcode: null,
        lat,
        long,
        media_url: null,
        extended_attributes: {
          detailed_status: detailedStatus(t.status, outcome, t.reopenCount > 0),
          product_status: t.status,
          product_status_label: STATUS_LABELS[t.status],
          ...(outcome ? { outcome } : {}),
          channel: t.channel,
        },
      });
    }
    return out;
  }
}
