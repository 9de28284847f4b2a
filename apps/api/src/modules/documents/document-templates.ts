import { escapeHtml as e } from './html';
import type { RiskWarning } from './risk-warning';

export const DOCUMENT_KINDS = ['acceptance', 'assignment', 'feedback', 'supervision', 'risk_warning'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance: '受理告知单',
  assignment: '交办单',
  feedback: '反馈单',
  supervision: '督办单',
  risk_warning: '风险预警单',
};

/** Everything a document shows, already formatted as text (times in China time). Escaping happens in `render`. */
export interface DocumentData {
  caseCode: string;
  centreName: string;
  /** The unit the document is addressed to or issued by, per kind. */
  unitName: string;
  receivedAt: string;
  channel: string;
  category: string;
  riskLevel: string;
  text: string;
  address: string;
  status: string;
  deadline: string;
  rows: [string, string][];
  /** Inline SVG from the QR encoder (generated, not user text). */
  qrSvg: string;
  lookupUrl: string;
  printedAt: string;
  /** Only for `risk_warning`. */
  risk?: RiskWarning;
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", serif; font-size: 12pt; color: #000; line-height: 1.6; }
.page { width: 174mm; min-height: 257mm; margin: 0 auto; position: relative; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.4em; margin: 0 0 2mm; }
.issuer { text-align: center; font-size: 13pt; margin: 0 0 6mm; }
.meta { display: flex; justify-content: space-between; font-size: 11pt; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 2.5mm 3mm; vertical-align: top; text-align: left; word-break: break-all; white-space: pre-wrap; }
th { width: 32mm; background: #f2f2f2; font-weight: normal; text-align: center; }
.text { min-height: 40mm; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 8mm; }
.qr { width: 32mm; text-align: center; font-size: 9pt; }
.qr svg { width: 30mm; height: 30mm; display: block; margin: 0 auto; }
.sign { text-align: right; font-size: 12pt; line-height: 2.2; }
.note { font-size: 10pt; color: #333; margin-top: 6mm; }
.grid { font-size: 10.5pt; line-height: 1.4; }
.grid th, .grid td { padding: 1.6mm 2mm; }
.grid th { width: 25mm; }
.grid .level { font-weight: bold; }
.grid ol { margin: 0; padding-left: 5mm; white-space: normal; }
.grid + .foot { margin-top: 4mm; }
.grid + .foot .qr svg { width: 24mm; height: 24mm; }
.grid + .foot .sign { line-height: 1.9; }
.grid ~ .note { margin-top: 3mm; }
@media screen { body { background: #888; } .page { background: #fff; padding: 20mm 18mm; width: 210mm; min-height: 297mm; margin: 10mm auto; } }
@media print { .page { page-break-after: always; } }
`;

const NOTES: Record<DocumentKind, string> = {
  acceptance: '凭案件编码和登记的手机号,可扫描二维码或在「综治中心」小程序中查询办理进度。如对办理结果不满意,可在办结后进行评价。',
  assignment: '请承办单位在签收时限内签收,在办结时限内办结并反馈;不属本单位职责的,请说明理由及时退回。',
  feedback: '本单已随案件归档,群众可凭案件编码查询办理结果并进行评价。',
  supervision: '请被督办单位高度重视,立即办理,并于督办之日起按时反馈办理情况;逾期未办结的将予以通报。',
  risk_warning: '本单为内部工作文书,涉及当事人信息,请妥善保管,不得向无关人员出示。请承办单位按稳控化解措施落实,化解进展及时反馈综治中心。',
};

/** One A4 page of print-ready HTML. Every value is escaped here; only the generated QR SVG is inserted as markup. */
export function render(kind: DocumentKind, d: DocumentData): string {
  const title = DOCUMENT_TITLES[kind];
  const body = kind === 'risk_warning' && d.risk ? riskWarningBody(d, d.risk) : slipBody(d);
  const signer = d.risk?.leaderInCharge ? '签发人:__________  包案领导:__________<br>' : kind === 'risk_warning' ? '签发人:__________<br>' : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} ${e(d.caseCode)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<h1>${e(title)}</h1>
<p class="issuer">${e(d.centreName)}</p>
<div class="meta"><span>编号:${e(d.caseCode)}</span><span>${e(d.unitName)}</span></div>
${body}
<div class="foot">
<div class="qr">${d.qrSvg}<div>扫码查询进度</div></div>
<div class="sign">${signer}${e(d.centreName)}(盖章)<br>${e(d.printedAt)}</div>
</div>
<p class="note">${e(NOTES[kind])}</p>
${kind === 'risk_warning' ? '' : `<p class="note">查询地址:${e(d.lookupUrl)}</p>`}
</div>
</body>
</html>
`;
}

/** The two-column form of the four slips. */
function slipBody(d: DocumentData): string {
  const rows: [string, string][] = [
    ['案件编码', d.caseCode],
    ['登记时间', d.receivedAt],
    ['来源渠道', d.channel],
    ['事项类别', `${d.category}(风险等级:${d.riskLevel})`],
    ['事发地点', d.address],
    ...d.rows,
    ['办理期限', d.deadline],
    ['当前状态', d.status],
  ];
  return `<table>
${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('\n')}
<tr><th>反映事项</th><td class="text">${e(d.text)}</td></tr>
</table>`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/**
 * 风险预警单: short facts in pairs, then the risk in full rows, smaller type
 * so that the engine's reasons (eight at most) and five measures still fit one A4 page.
 * `d.text` is the privacy-safe summary, `d.rows` the short pairs.
 */
function riskWarningBody(d: DocumentData, r: RiskWarning): string {
  const list = (items: string[]) => `<ol>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ol>`;
  // Reasons are short phrases: numbered and run on, so seven or eight of them take three lines, not eight.
  const runOn = (items: string[]) => e(items.map((i, n) => `${CIRCLED[n] ?? `(${n + 1})`}${i}`).join(';'));
  const pairs: [string, string][] = [
    ['案件编码', d.caseCode],
    ['预警日期', d.printedAt],
    ['登记时间', d.receivedAt],
    ['来源渠道', d.channel],
    ['事项类别', d.category],
    ...d.rows,
    ['办理期限', d.deadline],
    ['当前状态', d.status],
  ];
  const cell = (p?: [string, string]) => (p ? `<th>${e(p[0])}</th><td>${e(p[1])}</td>` : '<th></th><td></td>');
  const paired: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) paired.push(`<tr>${cell(pairs[i])}${cell(pairs[i + 1])}</tr>`);
  return `<table class="grid">
<tr><th>风险等级</th><td class="level">${e(r.level)}</td><th>分级化解</th><td>${e(r.tier)}</td></tr>
${paired.join('\n')}
<tr><th>事发地点</th><td colspan="3">${e(d.address)}</td></tr>
<tr><th>事项摘要</th><td colspan="3">${e(d.text)}</td></tr>
<tr><th>研判依据</th><td colspan="3">${runOn(r.reasons)}</td></tr>
<tr><th>规模及金额</th><td colspan="3">${e(r.scale)}</td></tr>
<tr><th>等级调整</th><td colspan="3">${e(r.adjustment)}</td></tr>
<tr><th>稳控化解<br>措施</th><td colspan="3">${list(r.measures)}</td></tr>
</table>`;
}
