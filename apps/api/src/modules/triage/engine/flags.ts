/**
 * Phase "flags": the life-safety and scale flags a report raises beside its
 * level (DOMAIN.md Flags), each quoting the words that raised it.
 *
 * A cue counts unless its clause is settled (已调解, 已扑灭), it is negated
 * (没有/不会…), hypothetical (万一/如果…) or only a worry (担心…), except where a
 * flag says otherwise. Idioms (累死了, 气死我了, 笑死) are masked before this
 * phase (normalize.ts), so they never match.
 *
 * self_harm weighs families of cues (self-harm.ts). self_harm and
 * violence_threat, and an active hazard within reach of a vulnerable person,
 * make the report high whatever the rules and models say (`forced`).
 */
import type { TriageFlag, TriageFlagCode } from '@zongzhi/shared';
import { isSettled, scopeBefore, sentenceAt, type TextView } from './context';
import type { AmountHit, GroupHit } from './numbers';
import { selfHarmCues, type Cue } from './self-harm';

export const LARGE_AMOUNT = 200_000;
export const LARGE_GROUP = 10;

// ------------------------------------------------------------------ violence_threat
const THREAT =
  /(杀了(他|她|你|他们|她们|那)|弄死|砍死|捅死|宰了|废了(他|她|你)|打死(他|她|你|他们)|打断.{0,4}腿|同归于尽|鱼死网破|一命(换|抵)一命|偿命|血债血偿|陪葬|玩命|(跟|和|同).{0,8}拼了|就拼了|拼了这条命|豁出去|让(他|她|你|他们|她们|对方|这.{0,3})[^，。；！？]{0,6}(好看|付出代价|后悔|知道厉害|出点事|出事|没好果子吃|吃不了兜着走|见血|躺着|看看.{0,2}厉害|瞧瞧)|(他|她|你|他们|她们|对方)(会|就|迟早|早晚)?(会)?(知道|晓得|尝到)(厉害|后果|我的厉害|代价)|走着瞧|等着瞧|你等着|给我等着|有(他|她|你|他们)好看|没好果子|不会放过|饶不了|绝不放过|报复|报仇|烂命一条|光脚的不怕穿鞋|(没什么|没啥|啥都没|什么都没|没有什么)(好|可)?(怕|输|失去|在乎|顾忌)的?了|反正.{0,6}(一无所有|豁出去)|大不了.{0,8}(进去|坐牢|蹲|一起死|同归|一命)|(坐牢|蹲监狱|枪毙).{0,4}(也|都)(认|要|愿意|值|不怕)|(我|俺)知道[^。！？]{0,8}(孩子|儿子|女儿|老婆|媳妇|家人|爸妈)[^。！？]{0,10}(哪|在哪|学校|上学|住|几点)|磨刀|(买|备|藏|揣|带|准备)(了|着|好)?.{0,4}(刀|斧头|汽油|硫酸|炸药)|(汽油|硫酸|炸药)[^。！？]{0,6}(准备|备好|买好|泼|浇|点)|放火|点火烧|一把火|炸了(他|她|你|他们|厂|楼|房子)|(扬言|威胁|声称|放话|放狠话|说要|称要|要去)[^，。；！？]{0,12}(弄死|弄(她|他|你)|收拾|废了|砍|捅|杀|打断|教训|好看|烧|炸|泼|撞死|打(他|她|你|死))|(拿|举|挥|提|持|抄|抡)(着|起)?.{0,4}(刀|斧|棍|锤|砖|铁锹|镰刀|剪刀)|持刀|追砍)/g;

// ------------------------------------------------------------------ hazard_active
/** Danger present now, whatever it touches. */
const HAZARD =
  /((燃气|煤气|天然气|液化气|气罐|管道)[^，。；]{0,6}(泄漏|泄露|漏气|味)|漏气|(闻到|有|一股)[^，。；]{0,6}(煤气|燃气|天然气|焦糊|烧焦|糊|烟|臭鸡蛋)味|着火|起火|失火|火灾|冒烟|浓烟|冒火|火苗|火星|明火|火光|爆炸|(电线|电缆|线路|插座|电箱|配电箱|电表箱|充电器|电瓶)[^，。；]{0,8}(冒烟|冒火|打火|火花|烧焦|发烫|着了|烧了|垂到|耷拉|拖到|泡在|泡水|滋滋)|(高压线|电线|电缆)[^，。；]{0,6}(断|落|掉|垂|耷拉|拖到)|漏电(?!保护|开关)|触电|电到|麻了一下|井盖[^，。；]{0,6}(丢|没了|没有了|不见|缺失|被偷|被盗|掀|移位|碎|塌|翻|空着)|(没有|没|缺|少)了?(个)?井盖|(没|无)盖(子)?的?(井|坑|洞)|(坑|洞|窟窿|井口|井|沟|基坑|深坑|大坑|水池)[^，。；]{0,8}(没有|没|无|缺|也不)(任何)?(围挡|护栏|遮挡|盖|警示|围起来|拦)|将塌|要塌|快塌|倒塌|坍塌|塌方|塌了|塌陷|滑坡|泥石流|落石|掉石头|水流(很|特别|太|非常|那么)?(急|湍急)|水(很|特别|太|非常|那么)急|急流|涨水|洪水|发大水|漫过|漫上|水位[^，。；]{0,6}(涨|上升|超|高)|冲走|溺水|被困|困在|一氧化碳|中毒|毒气|(化学品|化工|废液|农药)[^，。；]{0,6}(泄漏|倾倒)|摇摇欲坠|随时(可能|会)(塌|倒|掉|砸|爆|垮)|(墙|楼|房|梁|柱|屋顶|天花板|楼板|阳台|桥|挡土墙|围墙|护坡|山体|边坡|外墙|脚手架|塔吊|广告牌|招牌|树|电线杆|大棚|棚)[^，。；]{0,6}(裂缝|裂纹|开裂|裂开|裂了|下沉|倾斜|歪了|摇晃|晃动|鼓包|往下掉|掉下来|砸下来|脱落|变形|断裂|要倒|快倒))/g;

/** A hazard that is not present now: a drill, a false alarm, fixed already, long ago. */
const HAZARD_NOT_NOW =
  /(演练|演习|误报|虚惊|假警|已(经)?(修好|修复|修了|补上|盖上|更换|换了|处理|排除|清理|扑灭|加固|封堵|整改)|修好了|补好了|换好了|盖好了|早就?(修|好|换)|(上个|上|去|前)(个)?(月|年|周|星期|礼拜)[^。！？]{0,10}(修|换|补|处理|整改|灭)|以前|当年|小时候|曾经|有一次|那次|前年|去年)/;

// ------------------------------------------------------------------ vulnerable_person
const VULNERABLE =
  /(孩子|小孩|儿童|小学生|中学生|初中生|高中生|学生|幼儿|婴儿|宝宝|娃娃|小娃|娃子|未成年|放学|幼儿园|独居|孤寡|空巢|孤老|老人|老年人|老太太|老太|老大爷|老奶奶|老爷爷|老爷子|老大娘|老两口|[6-9]\d岁|[六七八九]十[一二三四五六七八九多几]?岁|七旬|八旬|九旬|古稀|残疾|残障|瘫痪|瘫在|轮椅|盲人|失明|聋哑|智障|智力(障碍|低下)|精神(病|障碍|分裂|残疾)|抑郁|孕妇|怀孕|怀着孕|孕期|待产|产妇|坐月子|哺乳|卧床)(?![证费补贴联会])/g;
const VULNERABLE_NOT = /^(学生证|老人机|孩子气|学生会|儿童节|儿童乐园|儿童房)/;

// ------------------------------------------------------------------ group
const GROUP =
  /(聚集|围堵|堵路|堵门|拉横幅|拉条幅|打横幅|挂横幅|举牌|静坐|集体(上访|讨薪|维权|去|到)|联名|(?<!弱势)群体|聚众|围攻|罢工|(全体|所有)的?(业主|村民|居民|员工|工人|职工|住户|商户|家长|租户)|(整栋楼|整幢楼|全楼|全村|整个小区|全小区|整条街|一栋楼|整个单元|整单元|全厂|整个车间|全车间|整个工地|半个村)(的)?(业主|村民|居民|员工|工人|职工|住户|商户|家长|人|租户)?|大批|大家一起)/g;

// ------------------------------------------------------------------ large_amount
/** Vague large sums in words. */
const LARGE_WORDS = /(大几十万|几十万|数十万|上百万|几百万|数百万|好几十万|一百多万|上千万|几千万|巨款|巨额|金额巨大|数额巨大|全部积蓄|一辈子的积蓄|毕生积蓄|养老钱全|棺材本)/g;

export interface FlagInput {
  view: TextView;
  amounts: AmountHit[];
  groups: GroupHit[];
}

const clip = (s: string) => (s.length > 24 ? s.slice(0, 24) + '…' : s);


/** Matches of a pattern that are not settled and whose scope is open. */
function cues(v: TextView, re: RegExp, opts: { worry?: boolean; hypo?: boolean } = {}): Cue[] {
  const out: Cue[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v.text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const at = m.index;
    if (isSettled(v, at)) continue;
    const scope = scopeBefore(v, at);
    if (scope === 'neg') continue;
    if (scope === 'worry' && !opts.worry) continue;
    if (scope === 'hypo' && !opts.hypo) continue;
    out.push({ word: m[0], at });
  }
  return out;
}

const evidence = (cs: Cue[], n = 3) => [...new Set(cs.map((c) => clip(c.word)))].slice(0, n).join('、');

export const selfHarm = selfHarmCues;

export function violenceThreat(v: TextView): Cue[] {
  return cues(v, THREAT);
}

export function hazardActive(v: TextView): Cue[] {
  return cues(v, HAZARD).filter((c) => !HAZARD_NOT_NOW.test(sentenceAt(v.text, c.at)) && v.text[c.at + c.word.length] !== '过');
}

export function vulnerablePerson(v: TextView): Cue[] {
  return cues(v, VULNERABLE, { worry: true }).filter((c) => !VULNERABLE_NOT.test(v.text.slice(c.at, c.at + 5)));
}

export function group(v: TextView, groups: GroupHit[]): Cue[] {
  const big = groups.filter((g) => g.size >= LARGE_GROUP && !isSettled(v, g.index) && scopeBefore(v, g.index) !== 'neg');
  return [...big.map((g) => ({ word: g.text, at: g.index })), ...cues(v, GROUP)];
}

export function largeAmount(v: TextView, amounts: AmountHit[]): Cue[] {
  const big = amounts.filter((a) => a.value >= LARGE_AMOUNT && !isSettled(v, a.index) && scopeBefore(v, a.index) !== 'neg');
  return [...big.map((a) => ({ word: a.text, at: a.index })), ...cues(v, LARGE_WORDS)];
}

export interface FlagsFound {
  flags: TriageFlag[];
  /** the flags that make the report high whatever the rules and models say */
  forced: TriageFlag[];
}

/** A hazard and a vulnerable person this close together (chars) put the person in danger. */
const NEAR = 60;

/** Every flag the report raises, in TRIAGE_FLAGS order, and which of them force a high level. */
export function detectFlags({ view, amounts, groups }: FlagInput): FlagsFound {
  const found: Array<[TriageFlagCode, Cue[]]> = [
    ['self_harm', selfHarm(view)],
    ['violence_threat', violenceThreat(view)],
    ['vulnerable_person', vulnerablePerson(view)],
    ['hazard_active', hazardActive(view)],
    ['group', group(view, groups)],
    ['large_amount', largeAmount(view, amounts)],
  ];
  const flags: TriageFlag[] = [];
  const by = new Map<TriageFlagCode, Cue[]>();
  for (const [code, cs] of found) {
    if (!cs.length) continue;
    by.set(code, cs);
    flags.push({ code, evidence: evidence(cs) });
  }
  const forced = flags.filter((f) => f.code === 'self_harm' || f.code === 'violence_threat');
  const hz = by.get('hazard_active');
  const vp = by.get('vulnerable_person');
  if (hz && vp) {
    const near = hz.filter((h) => vp.some((p) => Math.abs(p.at - h.at) <= NEAR));
    const people = vp.filter((p) => hz.some((h) => Math.abs(p.at - h.at) <= NEAR));
    if (near.length) forced.push({ code: 'hazard_active', evidence: evidence(near) }, { code: 'vulnerable_person', evidence: evidence(people) });
  }
  return { flags, forced };
}
