import type { User } from './user.entity';

export interface UserResponse {
  id: string;
  role: User['role'];
  displayName: string;
  unitId: string | null;
  departmentId?: string | null;
  gridId?: string | null;
  /** The user's own phone (only ever sent to that user). */
  phone?: string | null;
}

export function toUserResponse(u: User): UserResponse {
  return {
    id: u.id,
    role: u.role,
    displayName: u.displayName,
    unitId: u.unitId,
    departmentId: u.departmentId,
    gridId: u.gridId,
    ...(u.role === 'resident' ? { phone: u.phone } : {}),
  };
}
