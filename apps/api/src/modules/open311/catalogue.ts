import { CATEGORIES, CATEGORY_LABELS, type Category, type Outcome, type TicketStatus } from '@zongzhi/shared';

/**
 * Categories about public space: the only ones a public-read key ever sees.
 * Disputes between people (family, neighbour, labour, contracts …), police
 * matters, campus and medical cases are private.
 */
export const PUBLIC_CATEGORIES: readonly Category[] = ['urban', 'safety_hazard', 'environment'];
export const isPublicCategory = (c: string | null | undefined) => !!c && PUBLIC_CATEGORIES.includes(c as Category);

/** DOMAIN.md's typical wording, as Open311 keywords. */
const KEYWORDS: Record<Category, string[]> = {
  labor: ['拖欠工资', '工程款欠薪', '农民工讨薪', '社保', '工伤'],
  neighbor: ['楼道堆物', '漏水', '噪音扰邻', '通行', '采光', '加装电梯'],
  family: ['离婚', '抚养', '赡养', '继承', '家暴'],
  property: ['物业费', '物业服务', '更换物业', '停车位'],
  land: ['地界', '宅基地', '承包地', '林地'],
  contract: ['欠款', '运费', '货款', '租金', '押金'],
  consumer: ['预付卡', '商品质量', '退款', '虚假宣传'],
  medical: ['医疗事故', '医患冲突'],
  traffic: ['剐蹭', '事故赔偿'],
  campus: ['校园欺凌', '学校周边安全', '学生冲突'],
  public_order: ['打架斗殴', '诈骗', '赌博', '寻衅滋事', '吸毒', '盗窃线索'],
  safety_hazard: ['消防通道堵塞', '电动车楼道充电', '燃气泄漏', '危房', '生产安全'],
  environment: ['工厂排污', '油烟', '夜间施工噪音', '异味'],
  urban: ['路灯', '井盖', '垃圾堆积', '占道经营', '污水外溢', '违建'],
  demolition: ['拆迁补偿', '征收安置', '交房延期'],
  other: [],
};

const GROUP: Record<Category, string> = {
  labor: '矛盾纠纷',
  neighbor: '矛盾纠纷',
  family: '矛盾纠纷',
  property: '矛盾纠纷',
  land: '矛盾纠纷',
  contract: '矛盾纠纷',
  consumer: '矛盾纠纷',
  medical: '矛盾纠纷',
  traffic: '矛盾纠纷',
  demolition: '矛盾纠纷',
  campus: '治安与校园安全',
  public_order: '治安与校园安全',
  safety_hazard: '安全隐患',
  environment: '市政市容与环境',
  urban: '市政市容与环境',
  other: '其他',
};

export interface AttributeDef {
  code: string;
  datatype: 'string' | 'number' | 'singlevaluelist';
  required: boolean;
  description: string;
  datatype_description: string;
  /** How the value is written into the report text the triage and the staff read. */
  label: string;
  unit?: string;
  values?: { key: string; name: string }[];
}

const YES_NO = [
  { key: 'yes', name: '是' },
  { key: 'no', name: '否' },
];

/** Structured questions where a category needs them (SUMMARY §5.1). */
export const ATTRIBUTES: Partial<Record<Category, AttributeDef[]>> = {
  labor: [
    { code: 'party_count', datatype: 'number', required: false, description: '涉及人数', datatype_description: '整数,单位:人', label: '涉及人数', unit: '人' },
    { code: 'amount_yuan', datatype: 'number', required: false, description: '涉及金额', datatype_description: '数字,单位:元', label: '涉及金额', unit: '元' },
    { code: 'employer_or_project', datatype: 'string', required: false, description: '用工单位或工程项目名称', datatype_description: '不超过100字', label: '用工单位/项目' },
  ],
  campus: [
    { code: 'school_name', datatype: 'string', required: true, description: '学校名称', datatype_description: '不超过100字', label: '学校' },
    { code: 'involves_minor', datatype: 'singlevaluelist', required: false, description: '是否涉及未成年人', datatype_description: '是/否', label: '涉及未成年人', values: YES_NO },
  ],
};

export interface ServiceEntry {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function serviceOf(c: Category): ServiceEntry {
  const words = [...KEYWORDS[c]];
  // mySociety's keyword: the category is not public (FixMyStreet hides it from public lists).
  if (!isPublicCategory(c)) words.push('private');
  return {
    service_code: c,
    service_name: CATEGORY_LABELS[c],
    description: KEYWORDS[c].length ? `${CATEGORY_LABELS[c]}:${KEYWORDS[c].join('、')}等` : '不属于以上类别的其他事项',
    metadata: !!ATTRIBUTES[c]?.length,
    type: 'realtime',
    keywords: words.join(','),
    group: GROUP[c],
  };
}

export const servicesFor = (includePrivate: boolean) => CATEGORIES.filter((c) => includePrivate || isPublicCategory(c)).map(serviceOf);

/** The service definition (GET services/{code}): attributes in Open311 shape. */
export function definitionOf(c: Category) {
  return {
    service_code: c,
    attributes: (ATTRIBUTES[c] ?? []).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: i + 1,
      description: a.description,
      ...(a.values ? { values: a.values } : {}),
    })),
  };
}

/** Open311 knows only open and closed. */
export function open311Status(s: TicketStatus): 'open' | 'closed' {
  return s === 'resolved' || s === 'closed' || s === 'declined' ? 'closed' : 'open';
}

/** The finer state in mySociety's extended vocabulary (SUMMARY §5.3). */
export function detailedStatus(s: TicketStatus, outcome: Outcome | null, reopened: boolean): string {
  switch (s) {
    case 'submitted':
      return 'for_triage';
    case 'accepted':
      return 'investigating';
    case 'dispatched':
      return 'action_scheduled';
    case 'in_progress':
      return reopened ? 'reopen' : 'in_progress';
    case 'resolved':
      return outcome === 'unresolved' ? 'no_further_action' : outcome === 'referred_to_court' ? 'internal_referral' : 'fixed';
    case 'closed':
      return 'closed';
    case 'declined':
      return 'not_councils_responsibility';
  }
}

/** W3C datetime, whole seconds, China time (+08:00) as the centres read it. */
export function w3c(d: Date | null | undefined): string | null {
  if (!d) return null;
  const t = new Date(Math.floor(d.getTime() / 1000) * 1000 + 8 * 3600_000);
  return t.toISOString().slice(0, 19) + '+08:00';
}

const W3C_IN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C datetime argument; the timezone is required (the spec's rule), otherwise null. */
export function parseW3c(s: string): Date | null {
  if (!W3C_IN.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}
