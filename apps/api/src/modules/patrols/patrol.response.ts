import { PATROL_STATUS_LABELS, STATUS_LABELS } from '@zongzhi/shared';
import type { PhotoResponse } from '../uploads/uploads.service';
import type { Ticket } from '../tickets/ticket.entity';
import type { Patrol, PatrolEntry } from './patrol.entity';

export interface PatrolResponse {
  id: string;
  status: string;
  statusLabel: string;
  day: string;
  worker: { id: string; displayName: string };
  gridId: string;
  gridName: string;
  note: string | null;
  finishNote: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Minutes from start to end (or, while open, to now). */
  durationMinutes: number;
  entries: { id: string; note: string | null; location: { lat: number; lng: number; address: string | null } | null; photos: PhotoResponse[]; at: string }[];
  /** Where the worker was: every located entry and every located event, in time order. */
  points: { lat: number; lng: number; at: string; source: 'entry' | 'ticket' }[];
  tickets: { id: string; caseCode: string; status: string; statusLabel: string; category: string | null; riskLevel: string | null; text: string; settledOnSite: boolean; createdAt: string }[];
  found: number;
  settled: number;
}

export interface PatrolParts {
  patrol: Patrol;
  workerName: string;
  gridName: string;
  entries: PatrolEntry[];
  photos: Map<string, PhotoResponse[]>;
  tickets: Ticket[];
  settled: Set<string>;
  now: Date;
}

const loc = (lat: number | null, lng: number | null, address: string | null) => (lat !== null && lng !== null ? { lat, lng, address } : null);

/** What a patrol looks like to its worker and their supervisors (both are staff: ticket text in full, no phones). */
export function toPatrolResponse(x: PatrolParts): PatrolResponse {
  const p = x.patrol;
  const end = p.endedAt ?? (p.status === 'open' ? x.now : p.startedAt);
  const points = [
    ...x.entries.filter((e) => e.lat !== null && e.lng !== null).map((e) => ({ lat: e.lat!, lng: e.lng!, at: e.at, source: 'entry' as const })),
    ...x.tickets.filter((t) => t.lat !== null && t.lng !== null).map((t) => ({ lat: t.lat!, lng: t.lng!, at: t.createdAt, source: 'ticket' as const })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    id: p.id,
    status: p.status,
    statusLabel: PATROL_STATUS_LABELS[p.status],
    day: p.day,
    worker: { id: p.workerId, displayName: x.workerName },
    gridId: p.gridId,
    gridName: x.gridName,
    note: p.note,
    finishNote: p.finishNote,
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    durationMinutes: Math.max(0, Math.round((end.getTime() - p.startedAt.getTime()) / 60_000)),
    entries: x.entries.map((e) => ({ id: e.id, note: e.note, location: loc(e.lat, e.lng, e.address), photos: x.photos.get(e.id) ?? [], at: e.at.toISOString() })),
    points: points.map((pt) => ({ ...pt, at: pt.at.toISOString() })),
    tickets: x.tickets.map((t) => ({
      id: t.id,
      caseCode: t.caseCode,
      status: t.status,
      statusLabel: STATUS_LABELS[t.status],
      category: t.category,
      riskLevel: t.riskLevel,
      text: t.text,
      settledOnSite: x.settled.has(t.id),
      createdAt: t.createdAt.toISOString(),
    })),
    found: x.tickets.length,
    settled: x.tickets.filter((t) => x.settled.has(t.id)).length,
  };
}
