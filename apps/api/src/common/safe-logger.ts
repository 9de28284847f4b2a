import { ConsoleLogger } from '@nestjs/common';
import { maskIdCardsIn, maskPhonesIn } from '@zongzhi/shared';

/** Last line of defence: whatever is logged, ID numbers, phone numbers and tokens come out masked. */
export function redact(message: unknown): unknown {
  if (typeof message !== 'string') return message;
  return maskPhonesIn(maskIdCardsIn(message))
    .replace(/Bearer\s+[A-Za-z0-9._~+/-]+=*/g, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[jwt redacted]');
}

export class SafeLogger extends ConsoleLogger {
  log(message: unknown, ...rest: unknown[]) {
    super.log(redact(message), ...rest.map(redact));
  }
  error(message: unknown, ...rest: unknown[]) {
    super.error(redact(message), ...rest.map(redact));
  }
  warn(message: unknown, ...rest: unknown[]) {
    super.warn(redact(message), ...rest.map(redact));
  }
  debug(message: unknown, ...rest: unknown[]) {
    super.debug(redact(message), ...rest.map(redact));
  }
  verbose(message: unknown, ...rest: unknown[]) {
    super.verbose(redact(message), ...rest.map(redact));
  }
}
