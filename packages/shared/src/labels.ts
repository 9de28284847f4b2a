import type {
  Category,
  Channel,
  DeadlineColor,
  Department,
  Outcome,
  ReturnVisitMethod,
  RiskLevel,
  Role,
  Satisfaction,
  SupervisionKind,
  Tier,
  TicketAction,
  TicketStatus,
  TriageFlagCode,
  UnitLevel,
} from './codes';

/** What users read: Simplified Chinese labels for every code. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '群众',
  grid_worker: '网格员',
  dispatcher: '受理调度员',
  handler: '承办人员',
  leader: '领导',
  admin: '系统管理员',
};

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  district: '区/县',
  street: '街道/乡镇',
  community: '社区/村',
  grid: '网格',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  miniprogram: '群众小程序',
  grid_patrol: '网格巡查',
  walk_in: '来访登记',
  hotline_12345: '12345热线',
  police_110: '110非警务警情',
  department: '部门移交',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  labor: '劳动争议/欠薪',
  neighbor: '邻里纠纷',
  family: '婚姻家庭纠纷',
  property: '物业纠纷',
  land: '土地/宅基地/山林纠纷',
  contract: '合同/债务/租赁纠纷',
  consumer: '消费纠纷',
  medical: '医疗纠纷',
  traffic: '交通事故纠纷',
  campus: '校园安全',
  public_order: '治安问题',
  safety_hazard: '安全隐患',
  environment: '环境污染',
  urban: '市政市容',
  demolition: '征地拆迁',
  other: '其他',
};

export const DEPARTMENT_LABELS: Record<Department, string> = {
  hrss: '劳动保障监察',
  justice: '司法所(人民调解)',
  women_federation: '妇联',
  housing: '住建(物业管理)',
  natural_resources: '自然资源',
  market: '市场监管',
  health: '卫健(医调委)',
  police: '公安派出所',
  education: '教育',
  emergency: '应急管理/消防',
  ecology: '生态环境',
  urban_mgmt: '城管综合执法',
  center: '综治中心',
  petition: '信访',
  civil_affairs: '民政',
  agriculture: '农业农村',
  court: '法院(诉调对接)',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: '低风险',
  medium: '中风险',
  high: '高风险',
};

export const TRIAGE_FLAG_LABELS: Record<TriageFlagCode, string> = {
  self_harm: '自伤自杀风险',
  violence_threat: '暴力威胁',
  vulnerable_person: '涉及弱势群体',
  hazard_active: '现实危险',
  group: '群体性',
  large_amount: '涉及大额',
};

export const TIER_LABELS: Record<Tier, string> = {
  community: '社区级',
  street: '街道级',
  district: '区县级',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已交办',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已销号',
  declined: '不予受理',
};

export const ACTION_LABELS: Record<TicketAction, string> = {
  accept: '受理',
  decline: '不予受理',
  dispatch: '交办',
  sign: '签收',
  return: '退回',
  feedback: '反馈办结',
  evaluate: '评价',
  return_visit: '回访',
  escalate: '上报',
  settle_on_site: '现场化解',
  supervise: '督办',
  comment: '补充',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  mediated: '调解成功',
  handled: '已处理',
  referred_to_court: '引导司法途径',
  unresolved: '未化解',
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const COLOR_LABELS: Record<DeadlineColor, string> = {
  blue: '正常',
  yellow: '临期',
  red: '超期',
};

export const RETURN_VISIT_METHOD_LABELS: Record<ReturnVisitMethod, string> = {
  phone: '电话回访',
  visit: '上门回访',
  sms: '短信回访',
};

export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = {
  sign: '超期未签收',
  resolve: '超期未办结',
  manual: '人工督办',
};
