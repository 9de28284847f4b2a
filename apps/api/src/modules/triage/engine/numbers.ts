/**
 * Numbers written the ways people write them: 9万, 97万余元, 十来万, 三千块,
 * 1.5万, 贰拾陆万捌仟元, 5000元, 两万多, 一万二, 3w, 几十万, 上百万.
 */

const FIN: Record<string, string> = {
  壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万', 两: '二', 俩: '二', 〇: '零', 幺: '一',
};
const DIGIT: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value used for the vague 几/数 ("a few"). */
const FEW = 3;

/** Parses one section below 万 (e.g. 二十来, 1.5, 三千五, 几百, 十几). */
function parseSection(s: string): number {
  if (!s) return 0;
  const arabic = s.match(/\d+(?:\.\d+)?/);
  if (arabic) {
    let v = parseFloat(arabic[0]);
    const rest = s.slice(arabic.index! + arabic[0].length);
    const u = rest.match(/[十百千]/);
    if (u) v *= UNIT[u[0]];
    return v;
  }
  let total = 0;
  let digit = -1; // -1: no pending digit
  let lastUnit = 0;
  let afterZero = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
      if (ch === '零') afterZero = true;
    } else if (ch === '几' || ch === '数') {
      // 十几 → 10+5 ("a dozen-odd"), 几十 → 3×10, 几 alone → 3
      digit = lastUnit === 10 && digit < 0 ? 5 : FEW;
    } else if (ch in UNIT) {
      const u = UNIT[ch];
      total += (digit < 0 ? 1 : digit) * u;
      digit = -1;
      lastUnit = u;
      afterZero = false;
    }
    // 来/余/多/上/约 are modifiers: ignored for the value
  }
  if (digit >= 0) {
    // 三千五 → 3500; 一百零五 → 105
    total += lastUnit >= 100 && !afterZero ? digit * (lastUnit / 10) : digit;
  }
  return total;
}

/** Parses a numeral string that may contain 万/亿 (and w/k shorthands). */
export function parseChineseNumber(input: string): number | null {
  let s = '';
  for (const ch of input) s += FIN[ch] ?? ch;
  s = s.replace(/[wW]/g, '万').replace(/[kK]/g, '千').replace(/[,，](?=\d{3})/g, '').replace(/点(?=[一二三四五六七八九零\d])/g, '.');
  // Chinese decimal 一点五万 → 1.5万
  s = s.replace(/([一二三四五六七八九零])\.([一二三四五六七八九零])/g, (_m, a, b) => `${DIGIT[a]}.${DIGIT[b]}`);
  if (!/[\d零一二三四五六七八九十百千万亿几数]/.test(s)) return null;
  // 上百万 / 上千 → 一百万 / 一千
  s = s.replace(/上([百千万])/g, '一$1');
  let total = 0;
  let rest = s;
  const yi = rest.indexOf('亿');
  if (yi >= 0) {
    total += (parseSection(rest.slice(0, yi)) || 1) * 1e8;
    rest = rest.slice(yi + 1);
  }
  const wan = rest.indexOf('万');
  if (wan >= 0) {
    const head = rest.slice(0, wan);
    total += (head ? parseSection(head) : 1) * 1e4;
    let tail = rest.slice(wan + 1);
    // 一万二 → 12000 (single trailing digit means thousands)
    if (/^[一二三四五六七八九]$/.test(tail.replace(/[来余多]/g, ''))) tail = tail.replace(/[来余多]/g, '') + '千';
    total += parseSection(tail);
  } else {
    total += parseSection(rest);
  }
  return Number.isFinite(total) ? total : null;
}

const NUM = '(?:[0-9][0-9,]*(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟萬点]|(?<=十)好(?=几))';
// a numeral run, optionally with 多/余/来 and 上 prefix, then an optional 万/亿/w/k
const AMOUNT_RE = new RegExp(
  `(上|近|约|共|达)?(${NUM}+(?:[多余来]?(?:${NUM})*)?(?:[万亿wWkK])?(?:[多余来])?(?:[万亿])?)\\s*(元|块钱|块|圆|万元|余元|多元|钱)?`,
  'g',
);
const NOT_MONEY_AFTER = /^(?:[个名位户家人号楼层栋单元平亩米斤吨天年月日周次岁辆台套间条只头棵件项批所本张分秒小点级倍字克里公道把根斤岁个\-~～到至])/;
const MONEY_BEFORE = /(欠|工资|薪|款|费|赔|偿|金|租|钱|价|花了|损失|充值|缴|交了|骗|借|付|补贴|罚|￥|¥|涉及|共计|合计|总计|计)[^，。；！？\s]{0,3}$/;

/** A bare sum of five to eight digits (350000, 1,200,000), not a phone, an ID or a year. */
const BARE_SUM_RE = /^[1-9][0-9]{0,2}(,[0-9]{3}){1,2}$|^[1-9][0-9]{4,7}$/;
/** Words that make a bare number in the same sentence a sum of money. */
const MONEY_CONTEXT_RE = /(欠|借|还钱|还款|货款|工程款|尾款|账|债|赔|损失|款|钱|元|转账|打款|付|收据|发票|合同|投资|垫资|工资|供货|结算)/;
const SLANG_AFTER_RE = /^(了|啊|呢|吧|都|还|没|不|呀|的|$|[，。；！？,\s])/;
const SLANG_BEFORE_RE = /(欠|借|赔|亏|投|花|损失|骗|要|还|贷|输|垫|压|拖|少说|差不多|足足|整整|总共|一共)[^，。；！？]{0,4}$/;

function sentenceAround(text: string, at: number): string {
  let a = at;
  while (a > 0 && at - a < 40 && !/[。！？!?\n]/.test(text[a - 1])) a--;
  let b = at;
  while (b < text.length && b - at < 40 && !/[。！？!?\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

export interface AmountHit {
  value: number;
  text: string;
  index: number;
}

/** Every money amount in the text (yuan). */
export function extractAmounts(text: string): AmountHit[] {
  const hits: AmountHit[] = [];
  AMOUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AMOUNT_RE.exec(text))) {
    if (m[0].length === 0) {
      AMOUNT_RE.lastIndex++;
      continue;
    }
    let body = m[2];
    const unit = m[3] ?? '';
    const start = m.index + (m[1]?.length ?? 0);
    // 1.5万一直不还: the 一 belongs to 一直
    if (!unit && /[一]$/.test(body) && /^[直样定般起下些共旦切向致再]/.test(text.slice(start + body.length, start + body.length + 1))) {
      body = body.slice(0, -1);
    }
    const end = unit ? m.index + m[0].length : start + body.length;
    if (!/[0-9一二两三四五六七八九十百千几数壹贰叁肆伍陆柒捌玖拾佰仟]/.test(body[0])) continue;
    if (body[0] === "数" && !/^数[十百千万]/.test(body)) continue;
    const after = text.slice(end, end + 2);
    const hasWan = /[万亿wW]/.test(body) || unit.startsWith('万');
    let isMoney = false;
    if (unit === '块' && /^[地田砖石板牌玻空菜]/.test(after)) isMoney = false;
    else if (unit) isMoney = true;
    else if (hasWan && !/^[个名位户家人号平亩米斤吨辆台套间头只棵株册本次]/.test(after)) isMoney = true;
    else if (NOT_MONEY_AFTER.test(after)) isMoney = false;
    else if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && /\d{3,}|[百千]/.test(body)) isMoney = true;
    else if (BARE_SUM_RE.test(body) && !/^[0-9]/.test(after) && MONEY_CONTEXT_RE.test(sentenceAround(text, start))) isMoney = true;
    let slang = false;
    // 欠了四十多个 / 亏了三十几个: 个 meaning 万 in talk about money
    if (!isMoney && after[0] === '个' && SLANG_AFTER_RE.test(text.slice(end + 1, end + 3)) && SLANG_BEFORE_RE.test(text.slice(Math.max(0, start - 8), start)) && !/[0-9]/.test(body) && /[十]/.test(body)) {
      isMoney = true;
      slang = true;
    }
    if (!isMoney) continue;
    // a bare numeral like 三 before 块 in 三块地 etc. already excluded; skip pure 点
    let v = parseChineseNumber(body + (unit.startsWith('万') ? '万' : ''));
    if (v == null || v <= 0) continue;
    if (m[1] === '上' && /^[百千万]/.test(body)) v = parseChineseNumber('一' + body) ?? v;
    if (unit === '块' && v < 10) continue; // 一块漆, 两块砖
    if (slang) v *= 10_000;
    hits.push({ value: v, text: (body + unit + (slang ? '个' : '')).trim(), index: start });
  }
  return hits;
}

/** Vague "huge sum" wording without a number. */
export const HUGE_SUM_RE = /(金额巨大|数额巨大|巨额|巨款|上百万|数百万|几百万|上千万|几千万)/;

// ---------------------------------------------------------------------------
// Group size

const PEOPLE_NOUN =
  '(?:人|工人|农民工|民工|工友|村民|业主|居民|住户|商户|家长|学生|孩子|小孩|老人|老年人|会员|员工|职工|师傅|男子|女子|青年|年轻人|亲戚|家属|群众|租户|摊贩|同事|兄弟|人员|学员|患者|病人|乘客|群众|户主|拆迁户|被拆迁户|债主|人家|同学|邻居|租客|顾客|朋友|老师|农户|店主|摊主|司机|骑手|外卖员|队员|姐妹|老乡|客户|学员|孩子们|业户|商家|店家|家庭)';
const GROUP_RE = new RegExp(
  `(上|近|约|共|有|达)?([0-9]+|[一二两三四五六七八九十百千几数][一二两三四五六七八九十百千几数好]*)(多|余|来|几)?(个|名|位|户|家|人|号人|口人|号)(${PEOPLE_NOUN})?`,
  'g',
);

export interface GroupHit {
  size: number;
  text: string;
  index: number;
}

/** People counts stated directly or roughly: 十几个工人, 20多户, 二十来人, 我们三家. */
export function extractGroupSizes(text: string): GroupHit[] {
  const hits: GroupHit[] = [];
  GROUP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GROUP_RE.exec(text))) {
    const [whole, pre, num, mod, cls, noun] = m;
    const idx = m.index;
    const before = text.slice(Math.max(0, idx - 8), idx);
    const after = text.slice(idx + whole.length, idx + whole.length + 2);
    if ((cls === '个' || cls === '号') && !noun) continue;
    if (cls === '家' && !noun) {
      // 我们三家 / 共五家 / 三家都… ; not 跑了三家医院
      if (!(/(我们|他们|你们|共|涉及|有|这|那)$/.test(before) || /^(都|一起|联合|住户|邻居|人|$|[，。；！？\s、])/.test(after) || after === ''))
        continue;
      if (/^(医院|店|公司|单位|银行|饭店|超市|工厂|企业|厂)/.test(after)) continue;
    }
    if (cls === '人' && /^(民|员|次|身|格|家)/.test(after) && !noun) {
      // 三人民币? rare; keep simple: 人员 handled as noun
    }
    // 走访了30户 / 排查共12家 count visits, not parties; 走访中了解到某村三十多户村民… does not
    if (/(走访|检查|排查|巡查|发放|整改|入户)(了|过)?(共|约|近)?(全村|辖区|小区|沿街)?(商户|店铺|住户|居民|村民|门店|企业|单位|群众)?(共|约|近)?$/.test(before)) continue;
    if (/[0-9]$/.test(before) || /^[0-9]/.test(after)) continue;
    let size = parseChineseNumber(num + (mod === '几' ? '几' : ''));
    if (size == null) continue;
    if (pre === '上' && /^[百千]/.test(num)) size = parseChineseNumber('一' + num) ?? size;
    if (size > 100000) continue;
    if (cls === '个' && num === '一' && noun) continue;
    hits.push({ size, text: (num + (mod ?? '') + cls + (noun ?? '')).trim(), index: idx });
  }
  return hits;
}
