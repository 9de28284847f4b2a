import type { CrisisNotice } from './reports.api';
import type { LoginResponse } from './auth.api';
import { request, resetLoginRedirect, type ApiResult } from './request';
import { saveSession } from './session';

/** Staff log in with username + password; the session is kept like a resident's. */
export async function staffLogin(username: string, password: string): Promise<ApiResult<LoginResponse>> {
  const result = await request<LoginResponse>('/auth/login', { method: 'POST', data: { username, password }, auth: false });
  if (result.ok) {
    saveSession({ accessToken: result.data.accessToken, refreshToken: result.data.refreshToken, user: result.data.user });
    resetLoginRedirect();
  }
  return result;
}

export interface WalkInForm {
  visitorName: string;
  phone: string;
  idNumber: string;
  text: string;
  parties?: string[];
  location?: { lat: number; lng: number; address?: string };
}

export interface WalkInCreated {
  id: string;
  /** Phone and ID number arrive masked; the page shows them as they come. */
  visitor: { name: string; phone: string; idNumber: string };
  ticket: { id: string; caseCode: string; status: string; urgent?: boolean; crisis?: CrisisNotice };
  documents?: { acceptance?: string };
}

/** 来访登记: registers a visitor at the counter; the ticket is accepted at once. */
export function registerWalkIn(form: WalkInForm): Promise<ApiResult<WalkInCreated>> {
  return request<WalkInCreated>('/walk-ins', { method: 'POST', data: form });
}

export interface ImportResult {
  orderNo: string;
  result: 'created' | 'duplicate' | 'rejected';
  ticketId?: string;
  caseCode?: string;
  reason?: string;
}

/** 值班: the dispatcher's duty state; those on duty get the SMS for crisis reports. */
export interface DutyState {
  onDuty: boolean;
  since: string | null;
  hasPhone: boolean;
  onDutyNames: string[];
}

export function getDuty(): Promise<ApiResult<DutyState>> {
  return request<DutyState>('/duty');
}

export function setDuty(onDuty: boolean): Promise<ApiResult<DutyState>> {
  return request<DutyState>('/duty', { method: 'PUT', data: { onDuty } });
}
