import Taro from '@tarojs/taro';
import { uuidv4 } from '../../utils/uuid';
import type { ReportDraftFields } from './report-validation';

/** A photo already on the server, kept with the draft so it is not uploaded twice. */
export interface DraftPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface DraftLocation {
  lat: number | null;
  lng: number | null;
  address: string;
}

export interface ReportDraft extends ReportDraftFields {
  /** One key per draft, kept until the server has accepted it: a resend can never make a second case. */
  idempotencyKey: string;
  photos: DraftPhoto[];
  location: DraftLocation;
  /** ms since epoch, for 「上次保存于 …」. */
  savedAt?: number;
}

export const RESIDENT_DRAFT_KEY = 'zz.reportDraft';
export const PATROL_DRAFT_KEY = 'zz.patrolReportDraft';

export function freshDraft(contactPhone = ''): ReportDraft {
  return { text: '', contactPhone, anonymous: false, idempotencyKey: uuidv4(), photos: [], location: { lat: null, lng: null, address: '' } };
}

/** Worth offering again: something the person wrote or attached, not just a prefilled phone. */
export function hasContent(d: ReportDraft | null): boolean {
  if (!d) return false;
  return !!(d.text.trim() || d.photos.length || d.location.address.trim() || d.location.lat !== null);
}

/** Reads a saved draft, tolerating older shapes (no photos/location) and junk. */
export function loadDraft(key: string): ReportDraft | null {
  try {
    const saved = Taro.getStorageSync(key) as Partial<ReportDraft> | '' | undefined;
    if (!saved || typeof saved !== 'object' || typeof saved.idempotencyKey !== 'string' || !saved.idempotencyKey) return null;
    const base = freshDraft();
    return {
      ...base,
      text: typeof saved.text === 'string' ? saved.text : '',
      contactPhone: typeof saved.contactPhone === 'string' ? saved.contactPhone : '',
      anonymous: saved.anonymous === true,
      idempotencyKey: saved.idempotencyKey,
      photos: Array.isArray(saved.photos) ? saved.photos.filter((p) => p && typeof p.id === 'string') : [],
      location: saved.location && typeof saved.location === 'object' ? { ...base.location, ...saved.location } : base.location,
      savedAt: typeof saved.savedAt === 'number' ? saved.savedAt : undefined,
    };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: ReportDraft, now = Date.now()): void {
  try {
    Taro.setStorageSync(key, { ...draft, savedAt: now });
  } catch {
    // Storage full or unavailable: the in-memory key still protects retries.
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    /* nothing to clear */
  }
}
