import type { Channel } from '@zongzhi/shared';
import { useEffect, useRef, useState } from 'react';
import type { Triage } from '../../services/reports.api';
import { assessText } from '../../services/triage.api';

export const TRIAGE_HINT_DELAY_MS = 600;
export const TRIAGE_HINT_MIN_CHARS = 8;

export interface TriageHintOptions {
  enabled?: boolean;
  channel?: Channel;
  /** Seam for tests; the default asks the server. */
  assess?: typeof assessText;
  delayMs?: number;
}

/**
 * The live hint under the report text: asked ~600 ms after the last
 * keystroke, only for 8+ characters, never blocking typing. A failed or
 * late answer is ignored (the last good hint stays), so a weak network
 * only means no hint.
 */
export function useTriageHint(text: string, { enabled = true, channel, assess = assessText, delayMs = TRIAGE_HINT_DELAY_MS }: TriageHintOptions = {}): Triage | null {
  const [hint, setHint] = useState<Triage | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const trimmed = text.trim();
    const mine = ++seq.current;
    if (!enabled || trimmed.length < TRIAGE_HINT_MIN_CHARS) {
      if (!trimmed) setHint(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      assess(trimmed, channel)
        .then((result) => {
          if (result.ok && mine === seq.current) setHint(result.data);
        })
        .catch(() => undefined);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, enabled, channel]);

  return hint;
}
