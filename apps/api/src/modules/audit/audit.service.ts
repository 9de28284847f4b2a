import { Injectable, Logger } from '@nestjs/common';
import { maskIdCardsIn, maskPhone, maskPhonesIn } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/errors';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { AuditRepository, type AuditFilter } from './audit.repository';

/** What the audit log records (等保 2.0 三级 安全审计). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.lock',
  'auth.logout',
  'auth.refresh_reuse',
  'lookup.lock',
  'pii.read',
  'export',
  'admin.change',
  'data.import',
  'partner.call',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  id: string | null;
  role: string | null;
  label: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  actor?: Partial<AuditActor> | AuthUser | null;
  ip: string | null;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown> | null;
}

const mask = (s: string) => maskPhonesIn(maskIdCardsIn(s));

/** An actor label as the admin reads it: a username, or a resident's masked phone. */
export function actorLabel(u: { username?: string | null; phone?: string | null; displayName?: string | null }): string | null {
  return u.username ?? maskPhone(u.phone ?? null) ?? u.displayName ?? null;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry; phone and ID numbers in any field are masked first.
   * `required`: an export or a read of personal data must not leave without
   * its entry, so a failed write fails the request (503) instead of being
   * only logged; a login's entry is best effort (a login must not fail on it).
   */
  async record(r: AuditRecord, opts: { required?: boolean } = {}): Promise<void> {
    const actor = r.actor ?? null;
    const label = actor && 'label' in actor ? (actor.label ?? null) : null;
    const detail = r.detail ? (JSON.parse(mask(JSON.stringify(r.detail))) as Record<string, unknown>) : null;
    try {
      await this.repo.append({
        id: newId(),
        at: this.clock.now(),
        action: r.action,
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        actorLabel: label ? mask(label).slice(0, 64) : null,
        ip: r.ip?.slice(0, 64) ?? null,
        targetType: r.targetType ?? null,
        targetId: r.targetId ? mask(r.targetId).slice(0, 64) : null,
        detail,
      });
    } catch (e) {
      // An audit write failing must be loud, but must not turn a login into a 500.
      this.logger.error(`audit write failed (${r.action}): ${e instanceof Error ? e.message : String(e)}`);
      if (opts.required) throw new DomainError('UPSTREAM_UNAVAILABLE', '审计记录写入失败,本次操作未完成,请稍后重试');
    }
  }

  list(f: AuditFilter) {
    return this.repo.list(f);
  }

  sweep(retentionDays: number): Promise<number> {
    return this.repo.sweepOlderThan(new Date(this.clock.now().getTime() - retentionDays * 86_400_000));
  }
}
