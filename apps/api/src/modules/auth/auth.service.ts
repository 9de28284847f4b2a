import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { maskPhone } from '@zongzhi/shared';
import { AppConfig } from '../../config/app-config';
import { DomainError, RateLimitedError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { User } from '../users/user.entity';
import { toUserResponse, type UserResponse } from '../users/user.response';
import { UsersRepository } from '../users/users.repository';
import { SmsCodesRepository } from './sms-codes.repository';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider';
import { WechatClient } from './wechat.client';

const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_CODES = 5;

export interface LoginResult {
  accessToken: string;
  user: UserResponse;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /** A real hash to verify against when the user does not exist, so timing reveals nothing. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly codes: SmsCodesRepository,
    private readonly jwt: JwtService,
    private readonly wechat: WechatClient,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async loginStaff(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findStaffByUsername(username);
    this.dummyHash ??= hash(newId());
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok || user.role === 'resident') {
      throw new DomainError('AUTH.BAD_CREDENTIALS', '用户名或密码错误');
    }
    return this.issue(user);
  }

  async sendSmsCode(phone: string, ip: string): Promise<{ sent: true; devCode?: string }> {
    const now = Date.now();
    const hourAgo = new Date(now - 3600_000);
    const latest = await this.codes.latestForPhone(phone);
    if (latest && now - latest.createdAt.getTime() < this.config.SMS_MIN_INTERVAL_SECONDS * 1000) {
      throw new RateLimitedError('验证码发送过于频繁,请稍后再试');
    }
    if ((await this.codes.countSentToPhoneSince(phone, hourAgo)) >= this.config.SMS_MAX_PER_PHONE_PER_HOUR) {
      throw new RateLimitedError('该手机号本小时获取验证码次数已达上限');
    }
    if ((await this.codes.countSentFromIpSince(ip, hourAgo)) >= this.config.SMS_MAX_PER_IP_PER_HOUR) {
      throw new RateLimitedError('获取验证码过于频繁,请稍后再试');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.codes.insert({
      id: newId(),
      phone,
      ip,
      codeHash: this.hashCode(phone, code),
      attempts: 0,
      expiresAt: new Date(now + CODE_TTL_MS),
      consumedAt: null,
      createdAt: new Date(now),
    });
    try {
      await this.sms.send(phone, `【综治中心】您的验证码是${code},5分钟内有效。请勿告诉他人。`);
    } catch (e) {
      this.logger.warn(`SMS to ${maskPhone(phone)} failed: ${(e as Error).message}`);
      throw new DomainError('UPSTREAM_UNAVAILABLE', '短信发送失败,请稍后再试');
    }
    return this.sms.revealsCode ? { sent: true, devCode: code } : { sent: true };
  }

  async verifySmsCode(phone: string, code: string): Promise<LoginResult> {
    const issued = await this.codes.latestForPhone(phone);
    if (!issued || issued.consumedAt) {
      throw new DomainError('AUTH.SMS_CODE_EXPIRED', '验证码已失效,请重新获取', { code: '验证码已失效,请重新获取' });
    }
    if (issued.attempts >= MAX_WRONG_CODES) throw this.locked(issued.createdAt);
    if (issued.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('AUTH.SMS_CODE_EXPIRED', '验证码已过期,请重新获取', { code: '验证码已过期,请重新获取' });
    }
    const expected = Buffer.from(issued.codeHash, 'hex');
    const given = Buffer.from(this.hashCode(phone, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await this.codes.recordFailedAttempt(issued.id);
      const left = MAX_WRONG_CODES - issued.attempts - 1;
      if (left <= 0) throw this.locked(issued.createdAt);
      throw new DomainError('AUTH.SMS_CODE_INVALID', `验证码错误,还可尝试${left}次`, { code: `验证码错误,还可尝试${left}次` });
    }
    if (!(await this.codes.consume(issued.id, new Date()))) {
      throw new DomainError('AUTH.SMS_CODE_EXPIRED', '验证码已失效,请重新获取', { code: '验证码已失效,请重新获取' });
    }
    return this.issue(await this.users.findOrCreateResident({ phone }));
  }

  /** The lock after too many wrong codes says when a new code may be sent (the resend interval from the last one). */
  private locked(sentAt: Date): DomainError {
    const wait = Math.ceil((sentAt.getTime() + this.config.SMS_MIN_INTERVAL_SECONDS * 1000 - Date.now()) / 1000);
    const when = wait > 0 ? `请${wait}秒后重新获取验证码` : '请现在重新获取验证码';
    return new DomainError('AUTH.SMS_TOO_MANY_ATTEMPTS', `验证码错误次数过多,该验证码已失效,${when}`, { code: `错误次数过多,${when}` });
  }

  async loginWechat(code: string): Promise<LoginResult> {
    const session = await this.wechat.code2Session(code);
    return this.issue(await this.users.findOrCreateResident({ wechatOpenid: session.openid }));
  }

  async me(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('AUTH.UNAUTHENTICATED', '请先登录');
    return toUserResponse(user);
  }

  private async issue(user: User): Promise<LoginResult> {
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      role: user.role,
      unitId: user.unitId,
      departmentId: user.departmentId,
      gridId: user.gridId,
    });
    return { accessToken, user: toUserResponse(user) };
  }

  private hashCode(phone: string, code: string): string {
    return createHmac('sha256', this.config.JWT_SECRET ?? '').update(`${phone}:${code}`).digest('hex');
  }
}
