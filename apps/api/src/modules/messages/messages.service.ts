import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors';
import type { Message } from './message.entity';
import { MessagesRepository } from './messages.repository';

export interface MessageResponse {
  id: string;
  kind: string;
  title: string;
  body: string;
  ticketId: string | null;
  read: boolean;
  createdAt: string;
}

export const toMessageResponse = (m: Message): MessageResponse => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  ticketId: m.ticketId,
  read: m.readAt !== null,
  createdAt: m.createdAt.toISOString(),
});

/** The user's own message box; another user's message is a 404. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly repo: MessagesRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, page: number, pageSize: number) {
    const [items, total] = await this.repo.pageFor(user.id, page, pageSize);
    return { items: items.map(toMessageResponse), unread: await this.repo.countUnread(user.id), total, page, pageSize };
  }

  async unreadCount(user: AuthUser) {
    return { unread: await this.repo.countUnread(user.id) };
  }

  async read(user: AuthUser, id: string) {
    if (!(await this.repo.findOwn(user.id, id))) throw new NotFoundError('未找到该消息');
    await this.repo.markRead(user.id, id, this.clock.now());
    return toMessageResponse((await this.repo.findOwn(user.id, id))!);
  }

  async readAll(user: AuthUser) {
    const updated = await this.repo.markAllRead(user.id, this.clock.now());
    return { updated, unread: 0 };
  }

  async subscribe(user: AuthUser, templateIds: string[]) {
    const now = this.clock.now();
    for (const templateId of new Set(templateIds)) await this.repo.grantSubscription(user.id, templateId, now);
    return { subscriptions: (await this.repo.subscriptionsOf(user.id)).map((s) => ({ templateId: s.templateId, remaining: s.remaining })) };
  }
}
