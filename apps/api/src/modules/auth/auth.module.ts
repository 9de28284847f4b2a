import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SmsCode } from './sms-code.entity';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { SmsCodesRepository } from './sms-codes.repository';
import { ConsoleSmsProvider, HttpSmsProvider, SMS_PROVIDER } from './sms.provider';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([SmsCode, AuthSession, RefreshToken]), UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SmsCodesRepository,
    WechatClient,
    {
      provide: SMS_PROVIDER,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => (c.SMS_PROVIDER === 'http' ? new HttpSmsProvider(c.SMS_HTTP_URL!) : new ConsoleSmsProvider()),
    },
  ],
  exports: [SMS_PROVIDER],
})
export class AuthModule {}
