import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { concatMap } from 'rxjs';
import type { AuthUser } from '../../common/auth/auth-user';
import { clientIp } from '../../common/client-ip';
import { AuditService, type AuditAction } from './audit.service';

export const AUDITED = 'audited';

/** The handler's success is written to the audit log as `action` on `targetType` (an export, an admin change, a read of personal data). */
export const Audited = (action: AuditAction, targetType: string) => SetMetadata(AUDITED, { action, targetType });

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    const meta = this.reflector.get<{ action: AuditAction; targetType: string } | undefined>(AUDITED, ctx.getHandler());
    if (!meta) return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser & { label?: string | null } }>();
    // The entry is written before the answer leaves: what the caller got is already on record.
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        const params = (req.params ?? {}) as Record<string, string>;
        const query = (req.query ?? {}) as Record<string, unknown>;
        await this.audit.record({
          action: meta.action,
          actor: req.user ? { id: req.user.id, role: req.user.role, label: req.user.label ?? null } : null,
          ip: clientIp(req),
          targetType: meta.targetType,
          targetId: params.id ?? params.ticketId ?? null,
          detail: { method: req.method, path: req.routeOptions?.url ?? req.url.split('?')[0], params, ...(Object.keys(query).length ? { query } : {}) },
        }, { required: true });
        return value;
      }),
    );
  }
}
