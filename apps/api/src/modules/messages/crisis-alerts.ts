import { Injectable } from '@nestjs/common';
import { MESSAGE_KIND_LABELS, type MessageKind } from '@zongzhi/shared';
import type { EntityManager } from 'typeorm';
import { newId } from '../../common/ids';
import type { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { Message } from './message.entity';
import { OutboxItem } from './outbox.entity';

type Dispatcher = Pick<User, 'id' | 'phone' | 'onDutySince'>;

/**
 * Who is alerted when a report raises `self_harm`, and how: every dispatcher
 * of the district centre gets an in-app message; the ones on duty (值班) also get an
 * SMS, and when nobody has signed on for duty every dispatcher with a phone
 * does, so that a crisis never waits for someone to open the app. Pure, so
 * the rule is tested on its own.
 */
export function crisisAudience(dispatchers: readonly Dispatcher[]): { inApp: Dispatcher[]; sms: Dispatcher[] } {
  const withPhone = dispatchers.filter((d) => !!d.phone);
  const onDuty = withPhone.filter((d) => d.onDutySince);
  return { inApp: [...dispatchers], sms: onDuty.length ? onDuty : withPhone };
}

/** The alert's words. The SMS names the case and the clock, never the resident's words or number. */
export function crisisTexts(kind: Extract<MessageKind, 'crisis_report' | 'crisis_unaccepted'>, ticket: Pick<Ticket, 'caseCode'>) {
  if (kind === 'crisis_report') {
    const body = `案件 ${ticket.caseCode} 疑似涉及自伤/自杀风险,已列为紧急案件,请在1小时内受理并尽快联系反映人;如有现实危险请立即联动110/120。`;
    return { body, sms: `【综治中心】紧急:${body}` };
  }
  const body = `紧急案件 ${ticket.caseCode}(疑似自伤/自杀风险)已超过1小时未受理,请立即处置。`;
  return { body, sms: `【综治中心】${body}` };
}

/**
 * Writes the alerts in the caller's transaction, so that an acknowledged
 * crisis report always carries its alerts (a crash after the commit cannot
 * lose them); the outbox worker sends the SMS.
 */
@Injectable()
export class CrisisAlerts {
  async write(m: EntityManager, ticket: Ticket, kind: 'crisis_report' | 'crisis_unaccepted', now: Date): Promise<{ messages: number; sms: number }> {
    const dispatchers: Dispatcher[] = await m.getRepository(User).find({
      select: { id: true, phone: true, onDutySince: true },
      where: { role: 'dispatcher', unitId: ticket.districtId },
    });
    const extra: Dispatcher[] =
      kind === 'crisis_unaccepted'
        ? await m.getRepository(User).find({ select: { id: true, phone: true, onDutySince: true }, where: { role: 'leader', unitId: ticket.districtId } })
        : [];
    const { inApp, sms } = crisisAudience(dispatchers);
    const texts = crisisTexts(kind, ticket);
    const messages: Message[] = [...inApp, ...extra].map((d) => ({
      id: newId(),
      userId: d.id,
      kind,
      title: MESSAGE_KIND_LABELS[kind],
      body: texts.body,
      ticketId: ticket.id,
      readAt: null,
      createdAt: now,
    }));
    const byUser = new Map(messages.map((msg) => [msg.userId, msg.id]));
    const pushes: OutboxItem[] = [...sms, ...extra.filter((l) => l.phone)].map((d) => ({
      id: newId(),
      messageId: byUser.get(d.id)!,
      userId: d.id,
      channel: 'sms',
      payload: { phone: d.phone!, text: texts.sms },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }));
    if (messages.length) await m.createQueryBuilder().insert().into(Message).values(messages).updateEntity(false).execute();
    if (pushes.length) await m.createQueryBuilder().insert().into(OutboxItem).values(pushes).updateEntity(false).execute();
    return { messages: messages.length, sms: pushes.length };
  }

}
