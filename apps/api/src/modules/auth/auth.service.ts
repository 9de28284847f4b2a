import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { maskPhone } from '@zongzhi/shared';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError, RateLimitedError } from '../../common/errors';
import { newId } from '../../common/ids';
import { actorLabel, AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { toUserResponse, type UserResponse } from '../users/user.response';
import { UsersRepository } from '../users/users.repository';
import { AuthSession } from './auth-session.entity';
import { RateLimiter, type LimitPolicy } from './rate-limiter';
import { RefreshToken } from './refresh-token.entity';
import { SmsCodesRepository } from './sms-codes.repository';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider';
import { WechatClient } from './wechat.client';

const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_CODES = 5;

export interface LoginResult {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Good for one POST /auth/refresh; each refresh returns a new one. */
  refreshToken: string;
  user: UserResponse;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const unauthenticated = (message = '登录已过期,请重新登录') => new DomainError('AUTH.UNAUTHENTICATED', message);

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
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private accountPolicy(): LimitPolicy {
    const c = this.config;
    return { windowSeconds: c.LOGIN_WINDOW_SECONDS, freeFailures: c.LOGIN_FREE_FAILURES, lockAfter: c.LOGIN_LOCK_AFTER, lockSeconds: c.LOGIN_LOCK_SECONDS };
  }

  private ipPolicy(): LimitPolicy {
    const c = this.config;
    // An office NAT puts many honest staff behind one address: more free failures than for one account.
    const free = Math.max(1, Math.min(c.LOGIN_IP_LOCK_AFTER - 1, c.LOGIN_LOCK_AFTER * 2));
    return { windowSeconds: c.LOGIN_WINDOW_SECONDS, freeFailures: free, lockAfter: c.LOGIN_IP_LOCK_AFTER, lockSeconds: c.LOGIN_LOCK_SECONDS };
  }

  async loginStaff(username: string, password: string, ip: string): Promise<LoginResult> {
    const account = username.trim().toLowerCase();
    const accountBucket = `login:user:${account}`;
    const ipBucket = `login:ip:${ip}`;
    // Checked before the password, so a locked account says nothing about whether the guess was right.
    await this.limiter.assertAllowed(ipBucket, '登录失败次数过多,请稍后再试');
    await this.limiter.assertAllowed(accountBucket, '该账号登录失败次数过多,请稍后再试');
    // Each try is counted before the password is checked (and given back on success): a burst of parallel
    // guesses cannot all pass the checks above before any failure is written.
    const byIp = await this.limiter.take(ipBucket, this.ipPolicy(), '登录失败次数过多,请稍后再试');
    const byAccount = await this.limiter.take(accountBucket, this.accountPolicy(), '该账号登录失败次数过多,请稍后再试');
    const user = await this.users.findStaffByUsername(username);
    this.dummyHash ??= hash(newId());
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok || user.role === 'resident' || user.disabledAt) {
      await this.audit.record({
        action: 'auth.login_failed',
        actor: user ? { id: user.id, role: user.role, label: actorLabel(user) } : { label: account.slice(0, 64) },
        ip,
        targetType: 'account',
        targetId: account.slice(0, 64),
        detail: { failures: byAccount.failures, ipFailures: byIp.failures, ...(user?.disabledAt ? { disabled: true } : {}) },
      });
      for (const [o, scope] of [
        [byAccount, 'account'],
        [byIp, 'ip'],
      ] as const) {
        if (o.lockedNow) {
          await this.audit.record({
            action: 'auth.lock',
            actor: user ? { id: user.id, role: user.role, label: actorLabel(user) } : { label: account.slice(0, 64) },
            ip,
            targetType: scope,
            targetId: scope === 'account' ? account.slice(0, 64) : ip,
            detail: { failures: o.failures, lockedUntil: o.blockedUntil?.toISOString() ?? null },
          });
        }
      }
      throw new DomainError('AUTH.BAD_CREDENTIALS', '用户名或密码错误');
    }
    await this.limiter.reset(accountBucket);
    await this.limiter.refund(ipBucket, this.ipPolicy());
    return this.issue(user, ip);
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

  async verifySmsCode(phone: string, code: string, ip: string): Promise<LoginResult> {
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
      await this.audit.record({ action: 'auth.login_failed', actor: { label: maskPhone(phone) }, ip, targetType: 'phone', targetId: maskPhone(phone), detail: { method: 'sms' } });
      const left = MAX_WRONG_CODES - issued.attempts - 1;
      if (left <= 0) throw this.locked(issued.createdAt);
      throw new DomainError('AUTH.SMS_CODE_INVALID', `验证码错误,还可尝试${left}次`, { code: `验证码错误,还可尝试${left}次` });
    }
    if (!(await this.codes.consume(issued.id, new Date()))) {
      throw new DomainError('AUTH.SMS_CODE_EXPIRED', '验证码已失效,请重新获取', { code: '验证码已失效,请重新获取' });
    }
    return this.issue(await this.users.findOrCreateResident({ phone }), ip);
  }

  /** The lock after too many wrong codes says when a new code may be sent (the resend interval from the last one). */
  private locked(sentAt: Date): DomainError {
    const wait = Math.ceil((sentAt.getTime() + this.config.SMS_MIN_INTERVAL_SECONDS * 1000 - Date.now()) / 1000);
    const when = wait > 0 ? `请${wait}秒后重新获取验证码` : '请现在重新获取验证码';
    return new DomainError('AUTH.SMS_TOO_MANY_ATTEMPTS', `验证码错误次数过多,该验证码已失效,${when}`, { code: `错误次数过多,${when}` });
  }

  async loginWechat(code: string, ip: string): Promise<LoginResult> {
    const session = await this.wechat.code2Session(code);
    return this.issue(await this.users.findOrCreateResident({ wechatOpenid: session.openid }), ip);
  }

  /**
   * Rotation: a refresh token works once and returns a new pair. Presenting
   * one that was already used means it was copied: the whole session (every
   * token of the family, the access tokens too) is revoked.
   */
  async refresh(refreshToken: string, ip: string): Promise<LoginResult> {
    const now = this.clock.now();
    const row = await this.refreshTokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!row) throw unauthenticated();
    const session = await this.sessions.findOneBy({ id: row.sessionId });
    if (!session || session.revokedAt) throw unauthenticated();
    const claimed = row.usedAt ? 0 : (await this.refreshTokens.update({ tokenHash: row.tokenHash, usedAt: IsNull() }, { usedAt: now })).affected;
    if (!claimed) {
      await this.revokeSession(session.id, 'refresh_reuse');
      await this.audit.record({ action: 'auth.refresh_reuse', actor: { id: session.userId }, ip, targetType: 'session', targetId: session.id, detail: { firstUsedAt: row.usedAt?.toISOString() ?? null } });
      throw unauthenticated('登录凭证已失效,请重新登录');
    }
    if (row.expiresAt.getTime() <= now.getTime() || session.expiresAt.getTime() <= now.getTime()) throw unauthenticated();
    const user = await this.users.findById(session.userId);
    if (!user || user.disabledAt) {
      await this.revokeSession(session.id, 'account_changed');
      throw unauthenticated();
    }
    return this.pair(user, session);
  }

  /** Revokes the caller's session: its access token and every refresh token of the family stop working. */
  async logout(user: AuthUser & { sid?: string }, ip: string): Promise<{ loggedOut: true }> {
    if (user.sid) await this.revokeSession(user.sid, 'logout');
    await this.audit.record({ action: 'auth.logout', actor: { id: user.id, role: user.role, label: (user as { label?: string }).label ?? null }, ip, targetType: 'session', targetId: user.sid ?? null });
    return { loggedOut: true };
  }

  async me(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('AUTH.UNAUTHENTICATED', '请先登录');
    return toUserResponse(user);
  }

  private async revokeSession(id: string, reason: string) {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokeReason: reason });
  }

  /** A new login: a session, its first refresh token, an access token naming the session. */
  private async issue(user: User, ip: string): Promise<LoginResult> {
    if (user.disabledAt) throw new DomainError('AUTH.BAD_CREDENTIALS', '账号已停用');
    const now = this.clock.now();
    const session: AuthSession = {
      id: newId(),
      userId: user.id,
      ip: ip.slice(0, 64),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TTL_SECONDS * 1000),
      revokedAt: null,
      revokeReason: null,
    };
    await this.sessions.insert(session);
    await this.audit.record({ action: 'auth.login', actor: { id: user.id, role: user.role, label: actorLabel(user) }, ip, targetType: 'session', targetId: session.id });
    return this.pair(user, session);
  }

  private async pair(user: User, session: AuthSession): Promise<LoginResult> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({ tokenHash: sha256(refreshToken), sessionId: session.id, createdAt: now, expiresAt: session.expiresAt, usedAt: null });
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      sid: session.id,
      role: user.role,
      unitId: user.unitId,
      departmentId: user.departmentId,
      gridId: user.gridId,
    });
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, refreshToken, user: toUserResponse(user) };
  }

  private hashCode(phone: string, code: string): string {
    return createHmac('sha256', this.config.JWT_SECRET ?? '').update(`${phone}:${code}`).digest('hex');
  }
}
