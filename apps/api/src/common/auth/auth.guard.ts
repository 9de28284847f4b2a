import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { maskPhone, type Role } from '@zongzhi/shared';
import { DataSource } from 'typeorm';
import { DomainError, ForbiddenError } from '../errors';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

interface Claims {
  sub: string;
  sid?: string;
  role: Role;
  unitId: string | null;
  departmentId: string | null;
  gridId: string | null;
}

interface AccountRow {
  role: Role;
  unit_id: string | null;
  department_id: string | null;
  grid_id: string | null;
  username: string | null;
  phone: string | null;
  disabled_at: unknown;
  revoked_at: unknown;
}

/**
 * Global guard: a valid bearer token unless @Public, then the @Roles check.
 * The token is only a claim: on every request the account and the login
 * session are read back (one indexed join), and a deleted or disabled
 * account, a revoked session, or a role, unit, department or grid that no
 * longer matches the token is refused with 401, so changes take effect on
 * the very next request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      const user = await this.current(token);
      if (user) req.user = user;
      else if (!isPublic) throw new DomainError('AUTH.UNAUTHENTICATED', '登录已过期,请重新登录');
    }
    if (isPublic) return true;
    if (!req.user) throw new DomainError('AUTH.UNAUTHENTICATED', '请先登录');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.user.role)) throw new ForbiddenError();
    return true;
  }

  /** The caller, when the token is valid and still matches the account; otherwise null. */
  private async current(token: string): Promise<AuthUser | null> {
    let p: Claims;
    try {
      p = await this.jwt.verifyAsync<Claims>(token);
    } catch {
      return null;
    }
    if (typeof p.sub !== 'string' || typeof p.sid !== 'string') return null;
    const rows: AccountRow[] = await this.db.query(
      'SELECT u.role, u.unit_id, u.department_id, u.grid_id, u.username, u.phone, u.disabled_at, s.revoked_at ' +
        'FROM users u JOIN auth_sessions s ON s.id = ? AND s.user_id = u.id WHERE u.id = ?',
      [p.sid, p.sub],
    );
    const a = rows[0];
    if (!a || a.disabled_at || a.revoked_at) return null;
    if (a.role !== p.role || a.unit_id !== p.unitId || a.department_id !== p.departmentId || a.grid_id !== p.gridId) return null;
    return { id: p.sub, role: a.role, unitId: a.unit_id, departmentId: a.department_id, gridId: a.grid_id, sid: p.sid, label: a.username ?? maskPhone(a.phone) };
  }
}
