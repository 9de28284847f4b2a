import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors';

export interface Code2SessionResult {
  openid: string;
  unionid?: string;
}

/** WeChat's code2Session (`/sns/jscode2session`), at a configurable base URL. */
@Injectable()
export class WechatClient {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<Code2SessionResult> {
    const url = new URL('/sns/jscode2session', this.config.WECHAT_API_BASE);
    url.searchParams.set('appid', this.config.WECHAT_APPID ?? '');
    url.searchParams.set('secret', this.config.WECHAT_SECRET ?? '');
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await res.json()) as typeof body;
    } catch {
      throw new DomainError('UPSTREAM_UNAVAILABLE', '微信服务暂时不可用,请稍后再试');
    }
    if (body.errcode || !body.openid) {
      // 40029: invalid code, 40163: code used, 45011: rate limited
      throw new DomainError('AUTH.WECHAT_FAILED', '微信登录失败,请重试');
    }
    return { openid: body.openid, unionid: body.unionid };
  }
}
