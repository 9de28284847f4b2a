/**
 * The text a triage works on, cut into clauses, with the scopes every later
 * phase asks about: is this clause settled (已调解, 已扑灭)? is the word
 * negated (没有打架), hypothetical (万一着火) or only a worry (担心他报复)?
 */
import { HYPO_RE, NEG_BEFORE_RE, SCOPE_BREAK_RE, SETTLED_RE, WORRY_RE } from './risk-rules';

export const CLAUSE_BOUNDARY = /[，,。；;！!？?\n\r\t :：、]/;

export type Scope = 'none' | 'neg' | 'hypo' | 'worry';

export interface TextView {
  /** normalised text (simplified, half-width, idioms masked) */
  text: string;
  /** the same before idioms were masked (same length): 打游戏 is still there */
  raw: string;
  /** start index of the clause each char is in */
  clauseStart: Int32Array;
  /** clause starts, in order */
  starts: number[];
  /** starts of the clauses that report the matter as settled */
  settled: Set<number>;
  /** where the first "it turned out otherwise" marker starts (DEBUNK_RE); -1 when none */
  debunk: number;
  /** notReal() per sentence start, filled as asked */
  unrealAt: Map<number, boolean>;
}

export function buildClauses(text: string): { clauseStart: Int32Array; starts: number[] } {
  const n = text.length;
  const clauseStart = new Int32Array(n + 1);
  const starts: number[] = [0];
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (CLAUSE_BOUNDARY.test(text[i])) {
      clauseStart[i] = s;
      s = i + 1;
      starts.push(s);
    } else clauseStart[i] = s;
  }
  clauseStart[n] = s;
  return { clauseStart, starts };
}

export function clauseEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !CLAUSE_BOUNDARY.test(text[i])) i++;
  return i;
}

/** The clause a position is in. */
export function clauseAt(v: TextView, at: number): string {
  const cs = v.clauseStart[at] ?? 0;
  return v.text.slice(cs, clauseEnd(v.text, cs));
}

/** The sentence (up to 。！？ or a line break) a position is in. */
export function sentenceAt(text: string, at: number): string {
  let a = at;
  while (a > 0 && !/[。！？!?\n]/.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && !/[。！？!?\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

/** A contrast after a settled phrase saying the danger or dispute is still open. */
const CONTRAST_OPEN = /(但|但是|可是|不过|却|仍|还)[^，。；！？]{0,8}(未|没|仍|还在|依然|照样|继续)/;

export function findSettled(text: string, starts: number[]): Set<number> {
  const settled = new Set<number>();
  let prev = -1;
  for (const s of starts) {
    const e = clauseEnd(text, s);
    if (e <= s) continue;
    const clause = text.slice(s, e);
    // "明火已扑灭但楼道浓烟未散": what follows a contrast that says it is still there is not settled
    const m = SETTLED_RE.exec(clause);
    if (m && !CONTRAST_OPEN.test(clause.slice(m.index + m[0].length))) {
      settled.add(s);
      // "去年打过架，已经调解好了": the settled clause refers back to the previous one
      // (a fire put out refers back to the smoke or flames just described)
      if (prev >= 0 && (e - s <= 8 || /^(已|后来|后|经|但已|现已|早已|当时)/.test(clause) || /扑灭|排除险情/.test(clause))) settled.add(prev);
    }
    prev = s;
  }
  return settled;
}

export function textView(text: string, raw: string = text): TextView {
  const { clauseStart, starts } = buildClauses(text);
  return { text, raw: raw.length === text.length ? raw : text, clauseStart, starts, settled: findSettled(text, starts), debunk: firstDebunk(text), unrealAt: new Map() };
}

/** It turned out otherwise: 经核实系…, 后来才知道是…, 虚惊一场, 无火情. Cancels what comes before it. */
export const DEBUNK_RE =
  /((核实|查看|询问|确认|了解|检测|鉴定|查过了?|看过了?|检查)(后|了)?[^。！？，]{0,4}(系|为|是)(?!因|由于|由|在)|原来是|后来才知道|结果是|其实是|其实就是|一看是|(去|过去)看了.{0,2}(是|原来)|问了.{0,8}说是|虚惊|误报|辟.{0,2}谣|谣言|现场无异常|精神状态正常|无(火情|泄漏|异常|险情|坠落风险|安全隐患)|后来(也)?没(来|找|事|再)|就是记录一下|(看|查|检查|睇|嚟睇)(过|了|咗)[^。！？，]{0,4}(没事|冇事|没问题|无异常|一切正常))/;
/**
 * A joke, a game, fiction: cancels the cues in its sentence. A game is fiction only when the words are said in it
 * (打游戏一直喊…, 游戏里, 关卡), not when it is what the dispute is about (沉迷网络游戏…拿着菜刀).
 */
export const JOKE_RE =
  /(哈哈|开玩笑|玩笑|只是说说|说说而已|随口说|(打|玩)游戏[^。！？]{0,8}(喊|叫|嚷|说)|游戏(里|中|术语)|手游里|关卡|狼人杀|剧本杀|小品|话剧|演戏|排练|电视剧|电影(里|中|院)|看电影|纪录片|片子|唱歌|唱K|歌词|看新闻|新闻(里|上)说|想死的心|心都有|剧本|短剧|写小说|小说里|拍戏|剧组|(球赛|比赛|打赌|赌球)[^。！？]{0,12}(输了|赢了)就|(输了|赢了)就(跳|去死|裸奔))/;
/** Recovered or long past: 前年想不开被救回来了，现在恢复得挺好. */
export const RECOVERED_RE = /(去年|前年|之前|以前|此前|曾经|有过|上次|那次|[一二两三四五六七八九十几半]+(个)?(月|年|周|星期)前)[^。！？]{0,30}(现在|已经|已|如今|后来|现已)[^。！？]{0,12}(好了|挺好|稳定|康复|恢复|好好的|精神|积极|开心|拿到|结清|治好|修好|修补|补好|换好|处理好|整改)/;

/** What a check found that is harm after all (经了解系丈夫家暴所致, 核实系诈骗, 鉴定为危房): not a debunk. */
const FOUND_HARM_RE = /(家暴|诈骗|危房|危险|伤|打|砍|冲突|纠纷|欺|骗|盗|抢|违法|涉嫌|传销|赌|泄漏|起火|着火|裂)/;

function firstDebunk(text: string): number {
  const re = new RegExp(DEBUNK_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (/^原来是/.test(m[0]) && /^.{0,6}的/.test(text.slice(m.index + m[0].length))) continue;
    if (/(系|为|是)$/.test(m[0]) && FOUND_HARM_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    return m.index;
  }
  return -1;
}

/** Where the first debunking marker starts (cues before it are cancelled); -1 when none. */
export function debunkedBefore(v: TextView): number {
  return v.debunk;
}

/** A joke, fiction or a matter long recovered, in the sentence of a position. */
export function notReal(v: TextView, at: number): boolean {
  let a = at;
  while (a > 0 && !/[。！？!?\n]/.test(v.raw[a - 1])) a--;
  let known = v.unrealAt.get(a);
  if (known === undefined) {
    const s = sentenceAt(v.raw, at);
    known = JOKE_RE.test(s) || RECOVERED_RE.test(s);
    v.unrealAt.set(a, known);
  }
  return known;
}

export function isSettled(v: TextView, at: number): boolean {
  return v.settled.has(v.clauseStart[at] ?? 0);
}

/** Negation, hypothesis or worry in the few characters before a position. */
export function scopeBefore(v: TextView, at: number): Scope {
  const cs = v.clauseStart[at] ?? 0;
  const near = v.text.slice(Math.max(cs, at - 8), at);
  if (NEG_BEFORE_RE.test(near)) return 'neg';
  // wider scope, cut at the last scope breaker
  let win = v.text.slice(Math.max(0, at - 14), at);
  SCOPE_BREAK_RE.lastIndex = 0;
  let cut = -1;
  let m: RegExpExecArray | null;
  while ((m = SCOPE_BREAK_RE.exec(win))) cut = m.index;
  if (cut >= 0) win = win.slice(cut + 1);
  if (/真要?$/.test(win)) return 'hypo';
  if (WORRY_RE.test(win)) return 'worry';
  if (HYPO_RE.test(win)) return 'hypo';
  return 'none';
}
