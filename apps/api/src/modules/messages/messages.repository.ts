import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { isDuplicateKey } from '../../common/db-errors';
import { User } from '../users/user.entity';
import { Message } from './message.entity';
import { WechatSubscription } from './wechat-subscription.entity';

export type Recipient = Pick<User, 'id' | 'role' | 'phone' | 'wechatOpenid'>;
const RECIPIENT = { id: true, role: true, phone: true, wechatOpenid: true } as const;

@Injectable()
export class MessagesRepository {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(WechatSubscription) private readonly subs: Repository<WechatSubscription>,
    private readonly db: DataSource,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insertMany(m: EntityManager, rows: Message[]) {
    if (rows.length) await m.createQueryBuilder().insert().into(Message).values(rows).updateEntity(false).execute();
  }

  findUser(id: string): Promise<Recipient | null> {
    return this.users.findOne({ select: RECIPIENT, where: { id } });
  }

  handlersOf(departmentIds: string[]): Promise<Recipient[]> {
    if (!departmentIds.length) return Promise.resolve([]);
    return this.users.find({ select: RECIPIENT, where: { role: 'handler', departmentId: In(departmentIds) } });
  }

  dispatchersOf(unitId: string): Promise<Recipient[]> {
    return this.users.find({ select: RECIPIENT, where: { role: 'dispatcher', unitId } });
  }

  pageFor(userId: string, page: number, pageSize: number) {
    return this.messages.findAndCount({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  countUnread(userId: string): Promise<number> {
    return this.messages.countBy({ userId, readAt: IsNull() });
  }

  findOwn(userId: string, id: string) {
    return this.messages.findOneBy({ id, userId });
  }

  async markRead(userId: string, id: string, at: Date) {
    await this.messages.update({ id, userId, readAt: IsNull() }, { readAt: at });
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const r = await this.messages.update({ userId, readAt: IsNull() }, { readAt: at });
    return r.affected ?? 0;
  }

  /** One more one-time grant for this template (works on MariaDB and the embedded SQLite alike). */
  async grantSubscription(userId: string, templateId: string, at: Date) {
    try {
      await this.subs.insert({ userId, templateId, remaining: 1, updatedAt: at });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      await this.subs
        .createQueryBuilder()
        .update(WechatSubscription)
        .set({ remaining: () => 'CASE WHEN remaining < 50 THEN remaining + 1 ELSE 50 END', updatedAt: at })
        .where('user_id = :userId AND template_id = :templateId', { userId, templateId })
        .execute();
    }
  }

  subscriptionsOf(userId: string) {
    return this.subs.find({ where: { userId }, order: { templateId: 'ASC' } });
  }

  /** Uses up one grant; false when none is left. The conditional update lets two sends never spend one grant twice. */
  async consumeSubscription(userId: string, templateId: string, at: Date): Promise<boolean> {
    const r = await this.subs
      .createQueryBuilder()
      .update(WechatSubscription)
      .set({ remaining: () => 'remaining - 1', updatedAt: at })
      .where('user_id = :userId AND template_id = :templateId AND remaining > 0', { userId, templateId })
      .execute();
    return (r.affected ?? 0) === 1;
  }
}
