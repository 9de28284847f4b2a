import aws4 from 'aws4';
import { assertStorageKey, PhotoStorage } from './photo-storage';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  pathStyle: boolean;
}

/**
 * S3-compatible object storage (AWS S3, MinIO, OSS/COS in S3 mode) through
 * three plain signed requests — PUT, GET, DELETE — with SigV4 from `aws4`,
 * instead of the whole AWS SDK. The API streams objects to viewers itself,
 * so the bucket stays private and needs no public endpoint.
 */
export class S3PhotoStorage extends PhotoStorage {
  private readonly base: URL;

  constructor(private readonly s: S3Settings) {
    super();
    this.base = new URL(s.endpoint);
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    assertStorageKey(key);
    const host = this.s.pathStyle ? this.base.host : `${this.s.bucket}.${this.base.host}`;
    const prefix = this.base.pathname.replace(/\/$/, '');
    const path = this.s.pathStyle ? `${prefix}/${this.s.bucket}/${key}` : `${prefix}/${key}`;
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    const signed = aws4.sign(
      { host, path, method, service: 's3', region: this.s.region, headers, body },
      { accessKeyId: this.s.accessKey, secretAccessKey: this.s.secretKey },
    );
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(signed.headers ?? {})) {
      // fetch sets these itself and refuses some of them
      if (!['host', 'content-length'].includes(k.toLowerCase())) out[k] = String(v);
    }
    return fetch(`${this.base.protocol}//${host}${path}`, { method, headers: out, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(30_000) });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, data, contentType);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`object storage PUT failed with ${res.status}`);
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('GET', key);
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`object storage GET failed with ${res.status}`);
    return body;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const res = await this.send('DELETE', key);
      await res.arrayBuffer();
      if (!res.ok && res.status !== 404) throw new Error(`object storage DELETE failed with ${res.status}`);
    }
  }
}
