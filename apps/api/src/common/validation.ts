import { ValidationPipe, type ValidationError as CvError } from '@nestjs/common';
import { ValidationError } from './errors';

/** Flattens nested class-validator errors to `{ 'location.lat': '…' }`. */
export function flattenErrors(errors: CvError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      // whitelist violations read better in Chinese than class-validator's English default
      const c = e.constraints;
      out[path] = c.whitelistValidation ? '不支持的字段' : Object.values(c)[0];
    }
    if (e.children?.length) Object.assign(out, flattenErrors(e.children, path));
  }
  return out;
}

export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationError(flattenErrors(errors)),
  });
}
