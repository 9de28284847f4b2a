import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, freshDraft, hasContent, loadDraft, saveDraft, type ReportDraft } from './report-draft-store';

export type { ReportDraft } from './report-draft-store';

export const DRAFT_SAVE_DELAY_MS = 400;

/**
 * The report being written, kept on the device as it is typed (and right
 * before each submit, with its Idempotency-Key). A draft left from an
 * earlier visit is not slipped into the form: it is offered
 * (「继续上次未提交的反映?」) and the person chooses 继续 or 丢弃.
 */
export function useReportDraft(defaultPhone: string, storageKey: string) {
  const [draft, setDraft] = useState<ReportDraft>(() => freshDraft(defaultPhone));
  const [pending, setPending] = useState<ReportDraft | null>(() => {
    const saved = loadDraft(storageKey);
    return hasContent(saved) ? saved : null;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const schedule = (next: ReportDraft) => {
    if (timer.current) clearTimeout(timer.current);
    // While an older draft is being offered, typing must not overwrite it.
    if (pendingRef.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      if (hasContent(next)) saveDraft(storageKey, next);
    }, DRAFT_SAVE_DELAY_MS);
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const update = useCallback((patch: Partial<ReportDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...patch };
      schedule(next);
      return next;
    });
  }, []);

  /** Saved now (before a submit), so a closed app still resends with the same key. */
  const persist = useCallback((current: ReportDraft) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    saveDraft(storageKey, current);
  }, []);

  const resume = useCallback(() => {
    const saved = pendingRef.current;
    if (!saved) return;
    setPending(null);
    setDraft(saved);
  }, []);

  const discard = useCallback(() => {
    clearDraft(storageKey);
    setPending(null);
    setDraft((current) => {
      if (hasContent(current)) saveDraft(storageKey, current);
      return current;
    });
  }, []);

  const finish = useCallback((nextPhone: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    clearDraft(storageKey);
    setDraft(freshDraft(nextPhone));
  }, []);

  return { draft, pending, update, persist, resume, discard, finish };
}
