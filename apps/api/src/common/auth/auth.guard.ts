import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@zongzhi/shared';
import { DomainError, ForbiddenError } from '../errors';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

/** Global guard: a valid bearer token unless @Public, then the @Roles check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      try {
        const p = await this.jwt.verifyAsync<{ sub: string; role: Role; unitId: string | null; departmentId: string | null; gridId: string | null }>(token);
        req.user = { id: p.sub, role: p.role, unitId: p.unitId, departmentId: p.departmentId, gridId: p.gridId };
      } catch {
        if (!isPublic) throw new DomainError('AUTH.UNAUTHENTICATED', '登录已过期,请重新登录');
      }
    }
    if (isPublic) return true;
    if (!req.user) throw new DomainError('AUTH.UNAUTHENTICATED', '请先登录');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) throw new ForbiddenError();
    return true;
  }
}
