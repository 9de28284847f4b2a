import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  isOneOf,
  maskPhone,
  OUTCOME_LABELS,
  RISK_LEVEL_LABELS,
  STATUS_LABELS,
  SUPERVISION_KIND_LABELS,
  type Outcome,
  type RiskLevel,
} from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError, NotFoundError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { SupervisionRepository } from '../deadlines/supervision.repository';
import { TimeLimitsService } from '../deadlines/time-limits.service';
import { OrgService } from '../org/org.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { TicketAccessService } from '../tickets/ticket-access.service';
import type { TicketHistory } from '../tickets/ticket-history.entity';
import type { Ticket } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import { DOCUMENT_KINDS, render, type DocumentData, type DocumentKind } from './document-templates';
import { chinaDateTime as at } from './html';
import { isWarnedLevel, privateSummary, privateText, riskWarning, type RiskOverride } from './risk-warning';

const latest = (history: TicketHistory[], ...actions: string[]) => [...history].reverse().find((h) => actions.includes(h.action));

/** The latest triage override that changed the risk level to the current one (kept in the trail as a comment). */
function riskOverrideOf(history: TicketHistory[], current: RiskLevel): RiskOverride | undefined {
  for (const h of [...history].reverse()) {
    const o = h.data?.override as { before?: { riskLevel?: RiskLevel | null }; after?: { riskLevel?: RiskLevel | null } } | undefined;
    if (o?.after?.riskLevel === current && o.before?.riskLevel !== current) return { from: o.before?.riskLevel ?? null, reason: h.note ?? '' };
  }
  return undefined;
}

/**
 * 文书: the acceptance notice, assignment slip, feedback slip, supervision
 * notice and risk warning of a ticket, as print-ready A4 HTML filled from the
 * ticket and its trail. Staff who may see the ticket may print them; anyone
 * else (residents included) gets 404. A risk warning exists only for a
 * medium or high ticket; for any other the answer is 409.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly access: TicketAccessService,
    private readonly org: OrgService,
    private readonly supervision: SupervisionRepository,
    private readonly limits: TimeLimitsService,
    private readonly routing: RoutingRulesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async render(viewer: AuthUser, ticketId: string, kind: string): Promise<string> {
    const t = await this.tickets.findById(ticketId);
    if (viewer.role === 'resident' || !t || !(await this.access.canView(viewer, t)) || !isOneOf(DOCUMENT_KINDS, kind)) {
      throw new NotFoundError('未找到该文书');
    }
    return render(kind, await this.dataFor(kind, t));
  }

  lookupUrl(caseCode: string): string {
    return `${(this.config.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '')}/#/packages/case/lookup/index?caseCode=${encodeURIComponent(caseCode)}`;
  }

  private async dataFor(kind: DocumentKind, t: Ticket): Promise<DocumentData> {
    const history = await this.tickets.historyOf(t.id);
    const unit = await this.org.unit(t.unitId);
    const centreName = `${unit?.name ?? ''}综治中心`;
    const lead = (await this.org.department(t.departmentId))?.name ?? '';
    const lookupUrl = this.lookupUrl(t.caseCode);
    const base = {
      caseCode: t.caseCode,
      centreName,
      receivedAt: at(t.createdAt),
      channel: CHANNEL_LABELS[t.channel],
      category: t.category ? CATEGORY_LABELS[t.category] : '待定',
      riskLevel: t.riskLevel ? RISK_LEVEL_LABELS[t.riskLevel] : '待定',
      // printed slips travel (to departments, to files): numbers typed into the report are masked like the contact phone
      text: privateText(t.text),
      address: t.address ?? (t.lat !== null ? `${t.lat}, ${t.lng}` : '—'),
      status: STATUS_LABELS[t.status],
      qrSvg: await QRCode.toString(lookupUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      lookupUrl,
      printedAt: at(this.clock.now()).slice(0, 11),
    };
    const deadline = t.resolveDeadline ? `${at(t.resolveDeadline)} 前办结` : await this.plannedDeadline(t);
    switch (kind) {
      case 'acceptance': {
        const accepted = latest(history, 'accept');
        return {
          ...base,
          unitName: centreName,
          deadline,
          rows: [
            ['受理单位', centreName],
            ['受理时间', accepted ? at(accepted.at) : '尚未受理'],
            ['反映人电话', t.anonymous ? '匿名' : (maskPhone(t.contactPhone) ?? '—')],
          ],
        };
      }
      case 'assignment': {
        const d = latest(history, 'dispatch');
        const assists = Array.isArray(d?.data?.departmentIds) ? d.data.departmentIds : [];
        const assistNames = (await Promise.all(assists.map(async (id) => (await this.org.department(String(id)))?.name))).filter(Boolean).join('、');
        return {
          ...base,
          unitName: lead || centreName,
          deadline,
          rows: [
            ['交办单位', centreName],
            ['承办单位', lead || '尚未交办'],
            ['协办单位', assistNames || '—'],
            ['交办时间', d ? at(d.at) : '—'],
            ['签收期限', t.signDeadline ? `${at(t.signDeadline)} 前签收` : '—'],
            ['交办意见', d?.note ?? '—'],
          ],
        };
      }
      case 'feedback': {
        const f = latest(history, 'feedback', 'settle_on_site');
        const outcome = f?.data?.outcome;
        const onTime = f && t.resolveDeadline ? (f.at <= t.resolveDeadline ? '按时办结' : '超期办结') : '—';
        return {
          ...base,
          unitName: f?.actorLabel ?? (lead || centreName),
          deadline,
          rows: [
            ['承办单位', f?.actorLabel ?? (lead || '—')],
            ['反馈时间', f ? at(f.at) : '尚未反馈'],
            ['办理结果', isOneOf(Object.keys(OUTCOME_LABELS) as Outcome[], outcome) ? OUTCOME_LABELS[outcome] : '—'],
            ['办理情况', f?.note ?? '—'],
            ['是否按时', onTime],
          ],
        };
      }
      case 'supervision': {
        const notices = await this.supervision.forTicket(t.id);
        const n = notices[notices.length - 1];
        const target = (await this.org.department(n?.departmentId))?.name ?? (lead || centreName);
        return {
          ...base,
          unitName: target,
          deadline: n?.deadlineAt ? `${at(n.deadlineAt)}(已超期)` : deadline,
          rows: [
            ['被督办单位', target],
            ['督办类型', n ? SUPERVISION_KIND_LABELS[n.kind] : '尚未督办'],
            ['督办时间', n ? at(n.createdAt) : '—'],
            ['督办次数', String(notices.length)],
            ['督办意见', n?.note ?? '—'],
          ],
        };
      }
      case 'risk_warning': {
        const level = t.riskLevel;
        if (!isWarnedLevel(level)) {
          throw new DomainError('DOCUMENT.NOT_APPLICABLE', level === 'low' ? '该案件为低风险,无需出具风险预警单' : '该案件尚未研判风险等级,暂不能出具风险预警单');
        }
        const tier = (await this.routing.effective(t.districtId)).tierByRisk[level];
        return {
          ...base,
          text: privateSummary(t.text),
          unitName: centreName,
          deadline,
          rows: [
            ['预警单位', centreName],
            ['反映人电话', t.anonymous ? '匿名' : (maskPhone(t.contactPhone) ?? '—')],
            ['承办单位', lead || '尚未交办'],
          ],
          risk: riskWarning({
            level,
            tier,
            unitLevel: unit?.level,
            engineLevel: t.triage?.riskLevel ?? null,
            reasons: t.triage?.reasons ?? [],
            override: riskOverrideOf(history, level),
          }),
        };
      }
    }
  }

  /** Before dispatch no clock runs yet: the time limit that will apply, in days. */
  private async plannedDeadline(t: Ticket): Promise<string> {
    const limit = await this.limits.limitFor(t.riskLevel ?? 'low', t.category);
    return `交办之日起 ${Math.round(limit.resolveMinutes / 1440)} 日内办结`;
  }
}
