import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

export const OUTBOX_CHANNELS = ['wechat', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** WeChat 订阅消息 as sent to /cgi-bin/message/subscribe/send. */
export interface WechatPayload {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface SmsPayload {
  phone: string;
  text: string;
}

/**
 * A message to push outside the app, written after the ticket change
 * committed and sent by the outbox worker with retries and backoff, so a slow
 * or failing WeChat never holds up or undoes the action that caused it.
 */
@Entity('notification_outbox')
@Index('idx_notification_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  channel: OutboxChannel;

  @Column({ name: 'message_id', type: 'varchar', length: 36 })
  messageId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'simple-json' })
  payload: WechatPayload | SmsPayload;

  @Column({ type: 'varchar', length: 8 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', ...DATETIME })
  nextAttemptAt: Date;

  /** The last failure, without personal data (an errcode or HTTP status). */
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt: Date;

  @Column({ name: 'sent_at', ...DATETIME, nullable: true })
  sentAt: Date | null;
}
