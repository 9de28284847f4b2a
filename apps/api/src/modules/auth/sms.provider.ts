import { Logger } from '@nestjs/common';
import { maskPhone } from '@zongzhi/shared';

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** Sends one text message. Implementations must never log the full number. */
export interface SmsProvider {
  /** True when the code may be shown to the client (demo only). */
  readonly revealsCode: boolean;
  send(phone: string, text: string): Promise<void>;
}

/** Demo provider: prints the message with the number masked. Refused in production. */
export class ConsoleSmsProvider implements SmsProvider {
  readonly revealsCode = true;
  private readonly logger = new Logger('SMS');
  async send(phone: string, text: string) {
    this.logger.log(`to ${maskPhone(phone)}: ${text}`);
  }
}

/** Posts `{phone, text}` as JSON to a gateway; any non-2xx answer is a failure. */
export class HttpSmsProvider implements SmsProvider {
  readonly revealsCode = false;
  constructor(private readonly url: string) {}
  async send(phone: string, text: string) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
