import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * A resident's consent to WeChat 订阅消息 for one template, as granted by
 * wx.requestSubscribeMessage. One-time subscriptions: each grant is one send,
 * consumed when a message goes out.
 */
@Entity('wechat_subscriptions')
export class WechatSubscription {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt: Date;
}
