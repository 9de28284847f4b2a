import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { uuidv4 } from '../../utils/uuid';
import type { ReportDraftFields } from './report-validation';

export interface ReportDraft extends ReportDraftFields {
  /** One key per draft, kept until the server has accepted it. */
  idempotencyKey: string;
}

const DRAFT_KEY = 'zz.reportDraft';

function loadDraft(): ReportDraft | null {
  try {
    const saved = Taro.getStorageSync(DRAFT_KEY) as ReportDraft | '';
    return saved && typeof saved === 'object' && saved.idempotencyKey ? saved : null;
  } catch {
    return null;
  }
}

function freshDraft(contactPhone: string): ReportDraft {
  return { text: '', contactPhone, anonymous: false, idempotencyKey: uuidv4() };
}

/**
 * The report being written. The draft (with its Idempotency-Key) is saved
 * before each submit so that, even after the app was closed following a
 * network error, the retry reuses the key and cannot create a second case.
 */
export function useReportDraft(defaultPhone: string) {
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft() || freshDraft(defaultPhone));

  const update = useCallback((patch: Partial<ReportDraftFields>) => {
    setDraft((current) => ({ ...current, ...patch }));
  }, []);

  const persist = useCallback((current: ReportDraft) => {
    try {
      Taro.setStorageSync(DRAFT_KEY, current);
    } catch {
      // Storage full or unavailable: the in-memory key still protects retries.
    }
  }, []);

  const finish = useCallback((nextPhone: string) => {
    Taro.removeStorageSync(DRAFT_KEY);
    setDraft(freshDraft(nextPhone));
  }, []);

  return { draft, update, persist, finish };
}
