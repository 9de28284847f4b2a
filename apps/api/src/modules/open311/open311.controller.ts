import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CATEGORIES, type Category } from '@zongzhi/shared';
import { Public } from '../../common/auth/decorators';
import { clientIp } from '../../common/client-ip';
import { DomainError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { RateLimiter } from '../auth/rate-limiter';
import type { Partner } from '../partners/partner.entity';
import { PartnersService } from '../partners/partners.service';
import { definitionOf, isPublicCategory, servicesFor } from './catalogue';
import { first, Open311Service, type Params } from './open311.service';
import { toXml } from './xml';

type Fmt = 'json' | 'xml';
type KeyRule = 'required' | 'optional';
type Req = FastifyRequest & { rawForm?: string };

/** The changeset of the service list and definitions: bump it whenever catalogue.ts changes. */
export const CHANGESET = '2026-12-07T00:00:00+08:00';
const SPEC = 'http://wiki.open311.org/GeoReport_v2';

function paramsOf(...sources: (string | undefined)[]): Params {
  const out: Params = new Map();
  for (const s of sources) {
    if (!s) continue;
    for (const [k, v] of new URLSearchParams(s)) out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

/** A flat JSON body read like a form (strings and numbers only), for clients that post JSON. */
function jsonForm(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const pairs = Object.entries(body as Record<string, unknown>).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' || typeof x === 'number').map((x): [string, string] => [k, String(x)]),
  );
  return new URLSearchParams(pairs).toString();
}

const fmtOf = (path: string): Fmt => (path.endsWith('.xml') ? 'xml' : 'json');
const stripFmt = (s: string) => s.replace(/\.(json|xml)$/, '');

/** Spec errors: one `{code, description}` per problem; 404 missing, 403 key, 429 rate, 400 everything else. */
function specErrors(e: unknown): { status: number; errors: { code: number; description: string }[]; retryAfter?: number } {
  if (e instanceof DomainError) {
    const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'AUTH.FORBIDDEN' ? 403 : e.code === 'RATE_LIMITED' ? 429 : 400;
    const errors = e.errors && Object.keys(e.errors).length ? Object.entries(e.errors).map(([field, msg]) => ({ code: status, description: `${field}: ${msg}` })) : [{ code: status, description: e.message }];
    return { status, errors, retryAfter: e instanceof RateLimitedError ? e.retryAfterSeconds : undefined };
  }
  return { status: 500, errors: [{ code: 500, description: '服务器内部错误,请稍后再试' }] };
}

/**
 * Open311 GeoReport v2 (`/open311/v2/…`, outside /api/v1): other systems
 * (12345, 110, departments, dashboards) file reports and follow them.
 * JSON and XML on every route, chosen by the suffix (JSON without one).
 * Deviations for privacy (docs/open311.md): GETs of requests need a key,
 * and read only what the key may see.
 */
@ApiExcludeController()
@Public()
@Controller('open311/v2')
export class Open311Controller {
  private readonly logger = new Logger('Open311');

  constructor(
    private readonly open311: Open311Service,
    private readonly partners: PartnersService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Get(['discovery', 'discovery.json', 'discovery.xml'])
  discovery(@Req() req: Req, @Res() reply: FastifyReply) {
    return this.handle(req, reply, 'discovery', 'optional', async () => {
      const base = (this.config.PUBLIC_BASE_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
      return {
        changeset: CHANGESET,
        contact: '综治中心系统管理员。隐私说明:查询案件须使用 API 密钥,只返回该密钥可见的案件;涉及人与人之间纠纷的类别不对公共密钥开放;坐标在公共查询中保留3位小数;不返回任何联系方式。',
        key_service: '由综治中心系统管理员在「对接系统」中为贵单位签发密钥(POST /api/v1/admin/partners),密钥只显示一次。',
        endpoints: [{ specification: SPEC, url: `${base}/open311/v2`, changeset: CHANGESET, type: this.config.NODE_ENV === 'production' ? 'production' : 'test', formats: ['text/xml', 'application/json'] }],
      };
    });
  }

  @Get(['services', 'services.json', 'services.xml'])
  services(@Req() req: Req, @Res() reply: FastifyReply) {
    return this.handle(req, reply, 'services', 'optional', async (p) => servicesFor(this.open311.seesPrivate(p)));
  }

  @Get('services/:code')
  definition(@Req() req: Req, @Res() reply: FastifyReply, @Param('code') raw: string) {
    return this.handle(req, reply, 'service_definition', 'optional', async (p) => {
      const code = stripFmt(raw);
      if (!CATEGORIES.includes(code as Category) || (!isPublicCategory(code) && !this.open311.seesPrivate(p))) throw new NotFoundError(`service_code 不存在:${code}`);
      return definitionOf(code as Category);
    });
  }

  @Post(['requests', 'requests.json', 'requests.xml'])
  create(@Req() req: Req, @Res() reply: FastifyReply) {
    return this.handle(req, reply, 'service_requests', 'required', async (p, params, audit) => {
      const filed = await this.open311.file(p!, params);
      audit.targetId = filed.service_request_id;
      return [filed];
    });
  }

  @Get(['requests', 'requests.json', 'requests.xml'])
  list(@Req() req: Req, @Res() reply: FastifyReply) {
    return this.handle(req, reply, 'service_requests', 'required', (p, params) => this.open311.query(p!, params));
  }

  @Get('requests/:id')
  one(@Req() req: Req, @Res() reply: FastifyReply, @Param('id') raw: string) {
    return this.handle(req, reply, 'service_requests', 'required', (p, params, audit) => {
      audit.targetId = stripFmt(raw).slice(0, 64);
      return this.open311.query(p!, params, stripFmt(raw));
    });
  }

  @Get('tokens/:token')
  token(@Req() req: Req, @Res() reply: FastifyReply, @Param('token') raw: string) {
    return this.handle(req, reply, 'service_requests', 'required', (p) => this.open311.token(p!, stripFmt(raw)));
  }

  /**
   * Key, rate limit, work, answer in the asked format, audit. Every use of
   * a key (revoked, limited and failed ones included) is one audit entry.
   */
  private async handle(
    req: Req,
    reply: FastifyReply,
    root: string,
    keyRule: KeyRule,
    work: (p: Partner | null, params: Params, audit: { targetId: string | null }) => Promise<unknown>,
  ): Promise<void> {
    const [path, query] = req.url.split('?', 2);
    const fmt = fmtOf(path);
    const params = paramsOf(query, req.rawForm ?? jsonForm(req.body));
    const audit = { targetId: null as string | null };
    let partner: Partner | null = null;
    let status = 200;
    let outcome = 'ok';
    let body: string;
    try {
      const key = first(params, 'api_key') ?? (typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined);
      if (key) {
        partner = await this.partners.findByKey(key);
        if (!partner) throw new ForbiddenError('api_key 无效');
        if (partner.revokedAt) throw new ForbiddenError('api_key 已被吊销');
        const bucket = `open311:${partner.id}`;
        await this.limiter.assertAllowed(bucket, `请求过于频繁:每分钟最多${partner.ratePerMinute}次`);
        await this.limiter.recordAttempt(bucket, partner.ratePerMinute, 60);
      } else if (keyRule === 'required') {
        throw new ForbiddenError('缺少 api_key');
      }
      const value = await work(partner, params, audit);
      body = fmt === 'xml' ? toXml(root, value) : JSON.stringify(value);
    } catch (e) {
      const r = specErrors(e);
      if (r.status === 500) this.logger.error(e instanceof Error ? e.stack : String(e));
      status = r.status;
      outcome = e instanceof DomainError ? (e instanceof ValidationError ? 'invalid' : e.code) : 'error';
      if (r.retryAfter) void reply.header('retry-after', String(Math.max(1, r.retryAfter)));
      body = fmt === 'xml' ? toXml('errors', r.errors) : JSON.stringify(r.errors);
    }
    if (partner) {
      await this.audit.record({
        action: 'partner.call',
        actor: { id: partner.id, role: 'partner', label: partner.name },
        ip: clientIp(req),
        targetType: 'open311',
        targetId: audit.targetId,
        detail: { method: req.method, path, status, outcome, channel: partner.channel },
      });
    }
    void reply
      .status(status)
      .header('content-type', fmt === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);
  }
}
