import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/** No request body of ours nests deeper than 3; anything past this is refused before it is parsed or validated. */
export const MAX_BODY_DEPTH = 8;

/** The deepest nesting of `[`/`{` in a JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export class BodyTooDeepError extends Error {
  readonly statusCode = 400;
  readonly fieldErrors = { body: `请求体嵌套层级过深(最多${MAX_BODY_DEPTH}层)` };
  constructor() {
    super('body nested too deep');
  }
}

/**
 * JSON bodies go through Fastify's own (prototype-poisoning-safe) parser after
 * a linear depth scan, so a body nested thousands deep never reaches
 * class-transformer/class-validator, whose recursion would overflow the stack.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number) {
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit }, ((req: FastifyRequest, body: Buffer, done: (err: Error | null, value?: unknown) => void) => {
    const text = body.toString('utf8');
    if (jsonDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) return done(new BodyTooDeepError());
    const parse = fastify.getDefaultJsonParser('error', 'error') as unknown as (r: FastifyRequest, b: string, d: typeof done) => void;
    parse(req, text, done);
  }) as never);
  // Registering one parser stops Nest from registering its defaults: keep form bodies as before.
  // The text is kept as well: Open311 forms repeat keys (media_url, attribute[code][]), which the object form loses.
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, ((req: FastifyRequest & { rawForm?: string }, body: Buffer, done: (err: Error | null, value?: unknown) => void) => {
    req.rawForm = body.toString('utf8');
    done(null, Object.fromEntries(new URLSearchParams(req.rawForm)));
  }) as never);
}
