import type { Role } from '@zongzhi/shared';

/** Who is calling: the access token's claims, checked against the account's current state on every request. */
export interface AuthUser {
  id: string;
  role: Role;
  unitId: string | null;
  departmentId: string | null;
  gridId: string | null;
  /** The login session the token belongs to (revoked by logout). */
  sid?: string;
  /** Username, or a resident's masked phone: how the audit log names the caller. */
  label?: string | null;
}
