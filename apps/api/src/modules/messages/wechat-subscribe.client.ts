import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import type { WechatPayload } from './outbox.entity';

/** A send that failed; `permanent` when retrying cannot help (the user refused, the openid is wrong). */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** errcodes that mean the stored access_token is no good any more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** 43101 user refused / no subscription left, 40003 bad openid, 40037 bad template, 47003 bad data. */
const PERMANENT_ERRORS = new Set([43101, 40003, 40037, 47003]);

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/**
 * WeChat 订阅消息 through the server API: an access_token from
 * /cgi-bin/token (cached until shortly before it expires, by the Clock), then
 * POST /cgi-bin/message/subscribe/send. Throws SendFailure; logs nothing.
 */
@Injectable()
export class WechatSubscribeClient {
  private token?: { value: string; until: number };

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async send(payload: WechatPayload): Promise<void> {
    const token = await this.accessToken();
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.WECHAT_API_BASE);
    url.searchParams.set('access_token', token);
    const body = await this.call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    if (!body.errcode) return;
    if (TOKEN_ERRORS.has(body.errcode)) this.token = undefined;
    throw new SendFailure(`subscribe/send errcode ${body.errcode}`, PERMANENT_ERRORS.has(body.errcode));
  }

  private async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && this.token.until > now) return this.token.value;
    const url = new URL('/cgi-bin/token', this.config.WECHAT_API_BASE);
    url.searchParams.set('grant_type', 'client_credential');
    url.searchParams.set('appid', this.config.WECHAT_APPID ?? '');
    url.searchParams.set('secret', this.config.WECHAT_SECRET ?? '');
    const body = await this.call(url, {});
    if (body.errcode || !body.access_token) throw new SendFailure(`token errcode ${body.errcode ?? 'none'}`);
    // Renew five minutes early so a token never expires between reading and using it.
    this.token = { value: body.access_token, until: now + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
    return this.token.value;
  }

  private async call(url: URL, init: RequestInit): Promise<WechatAnswer> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    } catch (e) {
      throw new SendFailure(`network: ${e instanceof Error ? e.name : 'error'}`);
    }
    if (!res.ok) throw new SendFailure(`HTTP ${res.status}`);
    try {
      return (await res.json()) as WechatAnswer;
    } catch {
      throw new SendFailure('answer is not JSON');
    }
  }
}
