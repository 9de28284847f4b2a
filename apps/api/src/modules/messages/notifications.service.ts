import { Injectable, OnModuleInit } from '@nestjs/common';
import { MESSAGE_KIND_LABELS, STATUS_LABELS, type MessageKind } from '@zongzhi/shared';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { TicketEvents, type TicketEvent } from '../events/ticket-events';
import { OrgService } from '../org/org.service';
import type { Message } from './message.entity';
import { MessagesRepository, type Recipient } from './messages.repository';
import { bodyOf, noticesFor, type Audience } from './notification-rules';
import type { OutboxItem } from './outbox.entity';
import { OutboxRepository } from './outbox.repository';

/** The mini-program page a WeChat message opens. */
export const LOOKUP_PAGE = 'packages/case/lookup/index';

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** 2026年03月01日 09:05 in China time, as WeChat's `time` fields want. */
function chinaTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`;
}

/**
 * Turns ticket events into in-app messages and, for residents, a WeChat
 * subscription message (when they granted one) or an SMS (when they have no
 * WeChat openid but a phone) queued in the outbox. Runs after the ticket's
 * transaction committed, in its own; never sends anything itself.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly events: TicketEvents,
    private readonly repo: MessagesRepository,
    private readonly outbox: OutboxRepository,
    private readonly org: OrgService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.events.on((e) => this.onTicketEvent(e));
  }

  async onTicketEvent(e: TicketEvent): Promise<void> {
    const now = this.clock.now();
    const messages: Message[] = [];
    const pushes: OutboxItem[] = [];
    for (const notice of noticesFor(e)) {
      for (const user of await this.recipients(notice.audience, e)) {
        if (user.id === e.actorId) continue;
        const message = this.message(user.id, notice.kind, e, now);
        messages.push(message);
        if (user.role === 'resident') {
          const push = await this.pushFor(user, message, e, now);
          if (push) pushes.push(push);
        }
      }
    }
    if (!messages.length) return;
    await this.repo.transaction(async (m) => {
      await this.repo.insertMany(m, messages);
      await this.outbox.insertMany(m, pushes);
    });
  }

  private async recipients(a: Audience, e: TicketEvent): Promise<Recipient[]> {
    switch (a.to) {
      case 'reporter': {
        const u = await this.repo.findUser(e.ticket.reporterId);
        // Tickets a dispatcher filed for a walk-in or a hotline caller have no resident account to tell.
        return u?.role === 'resident' ? [u] : [];
      }
      case 'departments':
        return this.repo.handlersOf(a.departmentIds);
      case 'centre':
        // The centre's own dispatchers; a community without any is served by the nearest centre above that has some.
        for (const unit of await this.org.chainUp(a.unitId)) {
          const found = await this.repo.dispatchersOf(unit.id);
          if (found.length) return found;
        }
        return [];
    }
  }

  private message(userId: string, kind: MessageKind, e: TicketEvent, now: Date): Message {
    return { id: newId(), userId, kind, title: MESSAGE_KIND_LABELS[kind], body: bodyOf(kind, e), ticketId: e.ticket.id, readAt: null, createdAt: now };
  }

  private async pushFor(user: Recipient, message: Message, e: TicketEvent, now: Date): Promise<OutboxItem | null> {
    const base = { id: newId(), messageId: message.id, userId: user.id, status: 'pending' as const, attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null };
    const template = this.config.WECHAT_SUBSCRIBE_TEMPLATE_ID;
    if (user.wechatOpenid) {
      if (!template || !(await this.repo.consumeSubscription(user.id, template, now))) return null;
      return {
        ...base,
        channel: 'wechat',
        payload: {
          touser: user.wechatOpenid,
          template_id: template,
          page: `${LOOKUP_PAGE}?caseCode=${encodeURIComponent(e.ticket.caseCode)}`,
          data: {
            thing1: { value: cut(message.title, 20) },
            character_string2: { value: cut(e.ticket.caseCode, 32) },
            phrase3: { value: cut(STATUS_LABELS[e.ticket.status], 5) },
            time4: { value: chinaTime(now) },
          },
        },
      };
    }
    if (user.phone) return { ...base, channel: 'sms', payload: { phone: user.phone, text: `【综治中心】${message.body}` } };
    return null;
  }
}
