import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { OrgModule } from '../org/org.module';
import { User } from '../users/user.entity';
import { Message } from './message.entity';
import { CrisisAlerts } from './crisis-alerts';
import { CrisisWatch } from './crisis-watch.service';
import { DutyController } from './duty.controller';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { NotificationsService } from './notifications.service';
import { OutboxItem } from './outbox.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';
import { WechatSubscription } from './wechat-subscription.entity';
import { WechatSubscribeClient } from './wechat-subscribe.client';

/** 站内消息, and their WeChat/SMS pushes through the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature([Message, WechatSubscription, OutboxItem, User]), OrgModule, AuthModule],
  controllers: [MessagesController, DutyController],
  providers: [CrisisAlerts, CrisisWatch, MessagesRepository, MessagesService, NotificationsService, OutboxRepository, OutboxWorker, WechatSubscribeClient],
  exports: [OutboxWorker, CrisisAlerts, CrisisWatch],
})
export class MessagesModule {}
