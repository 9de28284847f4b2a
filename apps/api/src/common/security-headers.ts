import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * The H5 page's own inline code (Taro's boot script, the first-paint shell, the
 * stylesheet's `onload`), as CSP hashes: the page runs, nothing injected does.
 */
export function inlineScriptHashes(h5Dir: string | undefined): { scripts: string[]; handlers: string[] } {
  const file = h5Dir ? join(resolve(h5Dir), 'index.html') : '';
  if (!file || !existsSync(file)) return { scripts: [], handlers: [] };
  const html = readFileSync(file, 'utf8');
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1]));
  const handlers = [...html.matchAll(/\son[a-z]+\s*=\s*"([^"]*)"/gi), ...html.matchAll(/\son[a-z]+\s*=\s*'([^']*)'/gi)].map((m) => sha256(m[1]));
  return { scripts: [...new Set(scripts)], handlers: [...new Set(handlers)] };
}

/** S3 photo links point at the bucket's host: images may come from there too. */
function photoOrigins(config: AppConfig): string[] {
  if (config.STORAGE_DRIVER !== 's3' || !config.S3_ENDPOINT) return [];
  try {
    return [new URL(config.S3_ENDPOINT).origin];
  } catch {
    return [];
  }
}

/**
 * helmet: CSP (no framing, only our scripts), nosniff, a strict referrer
 * policy; HSTS only on responses that went out over TLS (directly or as
 * told by a trusted proxy), since a plain-HTTP intranet install would
 * otherwise be told to insist on HTTPS it does not have.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig) {
  const { scripts, handlers } = inlineScriptHashes(config.H5_DIR);
  const scriptSrc = ["'self'", ...scripts, ...(handlers.length ? ["'unsafe-hashes'", ...handlers] : [])];
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc,
        scriptSrcAttr: handlers.length ? ["'unsafe-hashes'", ...handlers] : ["'none'"],
        // Taro and React set style attributes and inject component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...photoOrigins(config)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: false,
    crossOriginEmbedderPolicy: false,
    // Photos are fetched by the weapp too (a different origin): keep them loadable.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  } as never);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply) => {
      if (req.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    });
}
