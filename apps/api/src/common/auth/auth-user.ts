import type { Role } from '@zongzhi/shared';

/** Who is calling, as carried in the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  unitId: string | null;
  departmentId: string | null;
  gridId: string | null;
}
