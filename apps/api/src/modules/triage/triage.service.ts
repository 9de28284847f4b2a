import { Injectable } from '@nestjs/common';
import type { Channel } from '@zongzhi/shared';
import { triage, type TriageResult } from './engine';

/** Reads a report and suggests category, risk, department and tier, with reasons. Pure. */
@Injectable()
export class TriageService {
  assess(text: string, channel?: Channel): TriageResult {
    return triage({ text, channel });
  }
}
