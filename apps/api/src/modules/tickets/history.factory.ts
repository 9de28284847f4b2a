import { Injectable } from '@nestjs/common';
import { ROLE_LABELS, type TicketAction, type TicketStatus } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import type { NoteVisibility, TicketHistory } from './ticket-history.entity';

/** The actor the automatic supervision sweep writes into the trail. */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface HistoryInput {
  ticketId: string;
  action: TicketAction;
  from: TicketStatus;
  to: TicketStatus;
  note?: string | null;
  data?: Record<string, unknown> | null;
  /** Who may read the note; when absent, `defaultVisibility` decides. */
  visibility?: NoteVisibility;
  at: Date;
}

/** Actions whose note is written for the resident: the answer, the refusal, the resident's own words. */
const PUBLIC_BY_DEFAULT: ReadonlySet<string> = new Set(['submit', 'accept', 'decline', 'feedback', 'settle_on_site', 'evaluate']);

/**
 * DOMAIN.md: each note is public or internal; dispatch instructions and
 * internal comments are internal by default. A resident's own comment is public.
 */
export function defaultVisibility(action: TicketAction | 'submit', actorRole: TicketHistory['actorRole'], data?: Record<string, unknown> | null): NoteVisibility {
  if (data && ('override' in data || 'extension' in data)) return 'internal';
  if (actorRole === 'resident') return 'public';
  return PUBLIC_BY_DEFAULT.has(action) ? 'public' : 'internal';
}

/**
 * Builds trail rows. The public label names the office, never the person
 * (东城街道司法所, 东城街道综治中心), so the resident's trail reveals no staff.
 */
@Injectable()
export class HistoryFactory {
  constructor(private readonly org: OrgService) {}

  async byUser(user: AuthUser, input: HistoryInput): Promise<TicketHistory> {
    return this.row(input, user.id, user.role, await this.labelOf(user));
  }

  bySystem(input: HistoryInput): TicketHistory {
    return this.row(input, SYSTEM_ACTOR_ID, 'system', '系统自动督办');
  }

  private row(input: HistoryInput, actorId: string, actorRole: TicketHistory['actorRole'], actorLabel: string): TicketHistory {
    return {
      id: newId(),
      ticketId: input.ticketId,
      action: input.action,
      fromStatus: input.from,
      toStatus: input.to,
      actorId,
      actorRole,
      actorLabel,
      note: input.note?.trim() || null,
      data: input.data && Object.keys(input.data).length ? input.data : null,
      visibility: input.visibility ?? defaultVisibility(input.action, actorRole, input.data),
      at: input.at,
    };
  }

  private async labelOf(user: AuthUser): Promise<string> {
    switch (user.role) {
      case 'resident':
        return '反映人';
      case 'handler': {
        const d = await this.org.department(user.departmentId);
        return d?.name ?? ROLE_LABELS.handler;
      }
      case 'grid_worker': {
        const g = await this.org.unit(user.gridId);
        return g ? `${g.name}网格员` : ROLE_LABELS.grid_worker;
      }
      default: {
        const u = await this.org.unit(user.unitId);
        return u ? `${u.name}综治中心${user.role === 'leader' ? '领导' : ''}` : ROLE_LABELS[user.role];
      }
    }
  }
}
