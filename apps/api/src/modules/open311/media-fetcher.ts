import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { PHOTO_LIMITS } from '../uploads/photo-processor';

export type MediaFetch = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** `host` or `host:port`, lower case; a URL's default port is left out as URL.host does. */
export function allowedHosts(setting: string | undefined): Set<string> {
  return new Set(
    (setting ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * Fetches a partner's `media_url` only from hosts on OPEN311_MEDIA_HOSTS
 * (empty by default: nothing is fetched). http(s) only, no redirects (a
 * redirect could leave the list), a time limit and the upload size limit;
 * the bytes then go through the upload pipeline, which checks and
 * re-encodes them and strips every piece of metadata.
 */
@Injectable()
export class MediaFetcher {
  private readonly hosts: Set<string>;

  constructor(config: AppConfig) {
    this.hosts = allowedHosts(config.OPEN311_MEDIA_HOSTS);
  }

  allowed(raw: string): URL | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return this.hosts.has(url.host.toLowerCase()) ? url : null;
  }

  async fetch(raw: string): Promise<MediaFetch> {
    const url = this.allowed(raw);
    if (!url) return { ok: false, reason: '链接主机不在允许列表中,未获取' };
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 8000);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: ctl.signal });
      if (res.status !== 200 || !res.body) return { ok: false, reason: `获取失败(HTTP ${res.status})` };
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > PHOTO_LIMITS.maxBytes) return { ok: false, reason: '文件过大' };
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > PHOTO_LIMITS.maxBytes) {
          ctl.abort();
          return { ok: false, reason: '文件过大' };
        }
        chunks.push(Buffer.from(chunk));
      }
      return { ok: true, bytes: Buffer.concat(chunks) };
    } catch {
      return { ok: false, reason: '获取失败' };
    } finally {
      clearTimeout(timer);
    }
  }
}
