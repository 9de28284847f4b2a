/**
 * Phase "flags": the life-safety and scale flags a report raises beside its
 * level (DOMAIN.md Flags), each quoting the words that raised it.
 *
 * A cue counts unless its clause is settled (已调解, 已扑灭), it is negated
 * (没有/不会…), hypothetical (万一/如果…) or only a worry (担心…), it sits in a
 * joke, a game or fiction (哈哈, 打游戏), a matter long recovered, or before
 * words saying it turned out otherwise (经核实系…, 虚惊一场). Idioms (累死了,
 * 气死我了, 笑死) are masked before this phase (normalize.ts).
 *
 * self_harm weighs families of cues (self-harm.ts). self_harm and
 * violence_threat, and an active hazard within reach of a vulnerable person,
 * make the report high whatever the rules and models say (`forced`).
 */
import type { TriageFlag, TriageFlagCode } from '@zongzhi/shared';
import { debunkedBefore, isSettled, notReal, scopeBefore, sentenceAt, type TextView } from './context';
import { parseChineseNumber, type AmountHit, type GroupHit } from './numbers';
import { RISK_RULES } from './risk-rules';
import { selfHarmCues, type Cue } from './self-harm';

/** 十万 and up is a large amount for the flag (the level's own line is higher: risk phase). */
export const LARGE_AMOUNT = 100_000;
export const LARGE_GROUP = 10;

// ------------------------------------------------------------------ violence_threat
/** Threats, open or veiled: revenge, "nothing to lose", knowing where the family goes, weapons readied. */
const THREAT =
  /(杀了(他|她|你|他们|她们|那)|弄死|砍死|捅死|宰了|废了(他|她|你)|打死(他|她|你|他们)|打断.{0,4}腿|卸.{0,4}(腿|胳膊|手)|放(你|他|她)?血|见血|横着(回去|出去|出来)|同归于尽|鱼死网破|一命(换|抵)一命|偿命|血债血偿|陪葬|拉.{0,3}垫背|玩命|(跟|和|同).{0,8}拼(了|命)?(?![音图车])|就拼了|豁出去|让(他|她|你|他们|她们|对方|这.{0,3})[^，。；！？]{0,6}(好看|付出代价|后悔|知道厉害|出点事|出事|没好果子吃|吃不了兜着走|躺着|看看.{0,2}厉害|瞧瞧)|(他|她|你|他们|她们|对方)(会|就|迟早|早晚)?(会)?(知道|晓得|尝到)(厉害|后果|我的厉害|代价)|走着瞧|等着瞧|给我等着|有(他|她|你|他们)好看|没好果子|不会放过|饶不了|绝不放过|(别|都别|谁都别|谁也别)想好过|谁(也|都)别想|都别过了|(不让|让).{0,4}(不)?好过|过不好.{0,2}年|不算完|没完没了?(?!的)|报复|报仇|烂命一条|光脚的不怕穿鞋|(没什么|没啥|啥都没|什么都没|没有什么)(好|可)?(怕|输|失去|在乎|顾忌)的?了|反正.{0,6}(一无所有|豁出去)|大不了.{0,8}(进去|坐牢|蹲|一起死|同归|一命)|(坐牢|蹲监狱|枪毙).{0,4}(也|都)(认|要|愿意|值|不怕)|别逼我|逼急了|出了事别怪我|一个都(跑不了|别想跑)|找小的|有我的办法|带家伙|带着人去|小心(点|车|你|着点)|下次(泼的|就|可)?(就)?不是.{0,4}了|看(他|她|你)还敢不敢|(知道|清楚|摸清|摸清楚|看着|认得|盯着)[^。！？]{0,12}(哪条路|几点|在哪|哪个(学校|班)|哪上学|住哪|家住|放学|上学|下班|哪玩|家在哪)|(哪条路|几点(下班|放学|上学|出门)|在哪玩|哪个班|哪个学校|在哪上学|住哪|家在哪)[^。！？]{0,12}(知道|清楚|摸清|看着|盯着)|(孩子|学校|家门口|父母家|放学)[^。！？]{0,10}照片|照片[^。！？]{0,8}(孩子|家门口|学校)|刀具照片|磨刀|刀.{0,4}磨好|(买|备|藏|揣|带|准备)(了|着|好)?.{0,4}(把)?(刀(?!片)|斧头|汽油|硫酸|炸药)|斩(佢|你|他|她|死)|劈(佢|你|死)|(睇下|睇吓|看看|看下)(边个|谁)(先)?死|边个死先|(看看|试试|尝尝|睇下)[^，。；！？]{0,8}(凉不凉|深不深|疼不疼|痛不痛|硬不硬|冻唔冻|痛唔痛)|(坐过牢|蹲过|进去过|刚放出来|刚出来)[^。！？]{0,8}(不怕|怕什么|无所谓|唔怕)|(不怕|唔怕)再(进去|坐牢)|你再[^，。；！？]{0,6}试试|(汽油|硫酸|炸药|煤气罐|液化气罐)[^。！？]{0,12}(准备|备好|买好|泼|浇|点了|点火|引爆|炸(了|掉|死|他|你))|放火|点火烧|一把火|(就|我就)?把.{0,8}(房子|家|厂|店)?点了|炸了(他|她|你|他们|厂|楼|房子)|(扬言|威胁|声称|放话|放狠话|说要|称要|要去)[^，。；！？]{0,12}(弄死|弄(她|他|你)|收拾|废了|砍|捅|杀|打断|教训|好看|烧|炸|泼|撞死|打(他|她|你|死))|(拿|举|挥|提|持|抄|抡|拎|扛)(着|起)?.{0,4}(刀(?!片)|斧|棍|锤|砖|铁锹|镰刀|剪刀|锄头|农具|啤酒瓶|家伙)|(刀|剁骨刀|菜刀)[^。！？]{0,6}插在|持刀|追砍|打骂|(上门|门上|门口|家门)[^。！？]{0,4}泼(红)?(油漆|漆|粪)|锁在家|没收(了)?手机)/g;

const PAST_RE = /(去年|前年|以前|之前|曾经|当年|上次|小时候|那年)/;
const VIOLENCE_RULES = RISK_RULES.filter((r) => (r.kind === 'violence' || r.kind === 'weapon') && r.level === 'high').map((r) => r.re);
/** Objects struck, not people (打墙, 砸车): not violence. */
const STRUCK_OBJECT = /(墙|门|窗|玻璃|车|东西|针|卡|球|字|电话|招呼|官司|疫苗|水|饭|包|键盘)/;

// ------------------------------------------------------------------ hazard_active
/** Danger present now, whatever it touches. */
const HAZARD = new RegExp(
  [
    // gas and smoke, fire, burning smells
    '(燃气|煤气|天然气|液化气|气罐|管道|[煤燃][气汽])[^，。；]{0,6}(泄漏|泄露|漏气|漏了|味)|漏气|(闻到|有|一股|传出|冒出)[^，。；]{0,6}(煤气|燃气|天然气|焦糊|烧焦|糊|烟|臭鸡蛋|农药|化学)味',
    '(燃气|煤气)报警器[^。！？]{0,6}(报警|响)|着火|起火|失火|火灾|起了.{0,2}火|着了火|冒烟|浓烟|冒火|火苗|火星|明火|火光|爆炸|发烫',
    '(炭盆|烧炭|炭火|煤炉)[^。！？]{0,12}(门窗紧闭|昏|头晕|睡)|门窗紧闭[^。！？]{0,12}(炭|煤炉)',
    // electricity
    '(电线|电缆|线路|插座|电箱|配电箱|电表箱|充电器|电瓶|线)[^，。；]{0,8}(冒烟|冒火|打火|火花|烧焦|着了|烧了|垂到|耷拉|拖到|泡在|泡水|滋滋|露在外面|裸露在外)|(高压线|电线|电缆)[^，。；]{0,6}(断|落|掉|垂|耷拉|拖到)|漏电(?!保护|开关)|触电|电到|麻了一下',
    // open holes, missing covers and rails, water
    '井盖[^，。；]{0,6}(丢|没了|没有了|不见|缺失|被偷|被盗|掀|移位|碎|塌|翻|空着|冲开|冲走|打开|移开)|(没有|没|缺|少)了?(个)?(窨)?井盖|(没|无)盖(子)?的?(井|坑|洞)',
    '(坑|洞|窟窿|井口|井|沟|基坑|深坑|大坑|水池|鱼塘|水塘|池塘|塘|河|湖|水库|河边|湖边)[^，。；]{0,8}(没有|没|无|缺|缺失|也不)(任何)?(围挡|护栏|围栏|遮挡|盖|警示|围起来|拦)|(护栏|围挡|围栏|栏杆)[^，。；]{0,4}(断了|倒了|缺失|没了|断|倒)',
    '(水|湖水|河水|塘水|坑里的水)[^，。；]{0,4}(很深|挺深|较深|特别深|很急|较急|特别急|湍急)|水流(很|特别|太|非常|那么)?急|急流|涨水|洪水|发大水|漫过|漫上|积水到(膝盖|腰|大腿)|水位[^，。；]{0,6}(涨|上升|超)|冲走|(?<!防)溺水|冰面[^。！？]{0,6}裂|薄冰',
    // collapse, landslide, structures giving way
    '将塌|要塌|快塌|倒塌|坍塌|塌方|塌了|塌陷|塌落|悬空|滑坡|泥石流|落石|掉石头|(坡|山)[^。！？]{0,8}(溜泥|往下溜|滑下|塌|垮|冲下)|溜泥|摇摇欲坠|随时(可能|会)(塌|倒|掉|砸|爆|垮)',
    '(墙|楼|房|梁|钢梁|柱|屋顶|顶棚|天花板|楼板|阳台|桥|挡土墙|围墙|护坡|山体|边坡|外墙|脚手架|塔吊|广告牌|招牌|树|电线杆|大棚|棚|坝|钢管)[^，。；]{0,12}(裂缝|裂纹|开裂|裂开|裂了|下沉|倾斜|歪了|吹歪|吹斜|往.{0,3}歪|摇晃|晃动|晃得|一吹就晃|鼓包|往下掉|掉下来|砸下来|脱落|掉落|变形|断裂|断了|要倒|快倒|渗水|管涌|翘起来|松脱|下垂)',
    // play and fitness equipment loose or shaking; a near miss (差点摔下来) is danger present now
    '(滑梯|滑滑梯|秋千|游乐设施|游乐场|健身器材|器材|蹦床|攀爬架|护栏|栏杆|扶手)[^。！？]{0,10}(松了|松动|全松|在晃|晃|断了|脱落|裂)|螺丝[^，。；]{0,4}(松|掉|没了)|(差点|差一点|险些|险象环生)[^，。；]{0,4}(摔下|掉下|掉进|掉到|跌下|跌进|砸到|砸中|被砸|被电|触电|淹|被冲|被卷)',
    '(浓烟|烟|火)[^，。；]{0,4}(未散|没散|还没散|未灭|没灭|还没灭|还在冒|复燃)',
    // people trapped, poisoned, chemicals, dangerous goods
    '被困|困在|困人|一氧化碳|中毒|毒气|刺激性气体|(化学品|化工|废液|农药|储罐)[^，。；]{0,6}(泄漏|倾倒)|(泄漏|刺激性|刺鼻|异味|味)[^。！？]{0,20}(头晕|咳嗽|刺痛|呕吐|拉肚子|上吐下泻|不适|昏)|(烟花|爆竹|炸药|雷管|煤气罐|液化气罐)[^。！？]{0,10}(存放|囤放|囤|堆放|堆|生产|加工)',
    // someone in the water, or a child or an old person missing
    '(河|水|湖|塘|江)里[^，。；]{0,4}(漂着|泡着|浮着)|有人(落水|掉(进|到|下)(河|水|湖|塘|井|江))|走失|失踪|下落不明|(一直|至今|到现在|还)(都)?(未归|没回(家|来)|未回家|找不到|没找到)',
  ].join('|'),
  'g',
);
/** A hazard that is not present now: a drill, a false alarm, fixed already, long ago. */
const HAZARD_NOT_NOW =
  /(演练|演习|误报|虚惊|假警|不影响.{0,4}安全|结构安全|整体安全|无(安全)?隐患|已(经)?(修好|修复|修了|补上|补装|盖上|更换|换了|处理|排除|清理|扑灭|加固|封堵|整改|固定|拆除|关阀)|修好了|补好了|换好了|盖好了|早就?(修|好|换)|(上个|上|去|前)(个)?(月|年|周|星期|礼拜)[^。！？]{0,10}(修|换|补|处理|整改|灭)|以前|当年|小时候|曾经|有一次|那次|前年|去年)/;

/** A nuisance that keeps coming back. */
const CHRONIC_RE = /(总有|总是|经常|天天|每天|每晚|一到晚上|长期|好几个月|快一年|一年多|常年)/;

// ------------------------------------------------------------------ vulnerable_person
const VULNERABLE =
  /(孩子|小孩|小朋友|细路|娃儿|儿童|小学生|中学生|初中生|高中生|学生|女生|男生|女孩|男孩|女童|男童|校服|幼儿|婴儿|宝宝|娃娃|小娃|娃子|好几个娃|未成年|放学|幼儿园|小学(?!同学)|特殊教育|特教|独居|孤寡|空巢|孤老|五保|老人|老年人|老太太|老太|老头老太|老大爷|老奶奶|老爷爷|老爷子|老大娘|老两口|阿婆|阿公|[6-9]\d岁|(?<![0-9])1?[0-7]岁|[六七八九]十[一二三四五六七八九多几]?岁|[一二三四五六七八九]岁|十[一二三四五六七]岁|七旬|八旬|九旬|古稀|残疾|残障|瘫痪|瘫在|轮椅|盲人|失明|眼睛不灵光|聋哑|智障|智力(障碍|低下)|精神(病|障碍|分裂|残疾)|阿尔茨海默|老年痴呆|抑郁|孕妇|怀孕|怀着孕|孕期|待产|产妇|坐月子|哺乳|卧床)(?![证费补贴联会])/g;
const VULNERABLE_NOT = /^(学生证|老人机|孩子气|学生会|儿童节|儿童乐园|儿童房)/;

/** Many people going about their day where the danger is. */
const EXPOSED = /(必经之路|上学必经|上下学|上学路上|放学路上|正常营业|照常营业|仍在营业|坐满|人员密集|人来人往|人很多|好多人|很多人|等车的|在等车|围观|上课|仍在使用|正常使用|每天.{0,6}(经过|路过|走)|天天.{0,6}(经过|路过|走))/g;
const VULNERABLE_WORD = new RegExp(VULNERABLE.source);

// ------------------------------------------------------------------ group
const GROUP =
  /(聚集|围堵|堵路|堵门|拉横幅|拉条幅|打横幅|挂横幅|举牌|静坐|集体(上访|讨薪|维权|去|到)|联名|(?<!弱势)群体(?!群)|聚众|围攻|罢工|(全体|所有)的?(业主|村民|居民|员工|工人|职工|住户|商户|家长|租户)|(整栋楼|整幢楼|全楼|全村|整个小区|全小区|整条街|一栋楼|整个单元|整单元|全厂|整个车间|全车间|整个工地|半个村)(的)?(业主|村民|居民|员工|工人|职工|住户|商户|家长|人|租户)?|大批|大家一起|(好多|很多|不少|大批|成群的?)(人|村民|居民|工人|学生|家长|业主|群众|住户|商户|客人|顾客)|人员密集|围了(一圈|好多|很多|一群)|都围在)/g;
/** A count of people with words between (几十个要工钱的工人, 十余家下级门店). */
const LOOSE_COUNT = /([0-9]+|[一二两三四五六七八九十百几数]+)[多余来几]?(个|名|位|户|家|号)[^，。；！？]{0,8}(人|工人|村民|居民|业主|学生|家长|门店|商户|住户|老人|孩子|员工|职工)/g;

// ------------------------------------------------------------------ large_amount
/** Vague large sums in words. */
const LARGE_WORDS = /(大几十万|几十万|数十万|上百万|几百万|数百万|好几十万|一百多万|上千万|几千万|巨款|巨额|金额巨大|数额巨大|全部积蓄|一辈子的积蓄|毕生积蓄|养老钱全|棺材本)/g;

export interface FlagInput {
  view: TextView;
  amounts: AmountHit[];
  groups: GroupHit[];
}

const clip = (s: string) => (s.length > 24 ? s.slice(0, 24) + '…' : s);

/** Matches of a pattern whose scope is open (not settled, negated, hypothetical, a worry, a joke or debunked). */
function cues(v: TextView, re: RegExp, opts: { worry?: boolean } = {}): Cue[] {
  const out: Cue[] = [];
  const cut = debunkedBefore(v);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v.text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const at = m.index;
    if (at < cut || isSettled(v, at) || notReal(v, at)) continue;
    const scope = scopeBefore(v, at);
    if (scope === 'neg' || scope === 'hypo' || (scope === 'worry' && !opts.worry)) continue;
    out.push({ word: m[0], at });
  }
  return out;
}

const evidence = (cs: Cue[], n = 3) => [...new Set(cs.map((c) => clip(c.word)))].slice(0, n).join('、');

export const selfHarm = selfHarmCues;

export function violenceThreat(v: TextView): Cue[] {
  const acts: Cue[] = [];
  for (const re of VIOLENCE_RULES) {
    for (const c of cues(v, re)) {
      // 打过架 is history; 打墙 is not a person
      if (v.text[c.at + c.word.length] === '过' || /过/.test(c.word.slice(1))) continue;
      if (c.word.length > 3 && STRUCK_OBJECT.test(c.word)) continue;
      if (/^动手/.test(c.word) && /[指术脚]/.test(v.text[c.at + c.word.length] ?? '')) continue;
      // 未对女方动手, 去年打过一架: not violence now
      const before = v.text.slice(v.clauseStart[c.at] ?? 0, c.at);
      if (/(未|没有?|并未|从未|不曾|不敢)[^，。；]{0,6}$/.test(before) || PAST_RE.test(before)) continue;
      acts.push(c);
    }
  }
  return [...cues(v, THREAT), ...acts].sort((a, b) => a.at - b.at);
}

export function hazardActive(v: TextView): Cue[] {
  return cues(v, HAZARD).filter((c) => {
    if (/走失|失踪|下落不明|未归|没回|未回|找不到|没找到/.test(c.word) && /((?<![未没不还])找到|接回|回家了|回来了|已回)/.test(v.text.slice(c.at))) return false;
    const s = sentenceAt(v.text, c.at);
    const nn = HAZARD_NOT_NOW.exec(s);
    if (nn) {
      // "明火已扑灭但楼道浓烟未散": a cue after a contrast that follows the not-now words is still present
      const start = v.text.lastIndexOf(s, c.at);
      const after = start >= 0 ? c.at - start : -1;
      const between = after > nn.index ? s.slice(nn.index + nn[0].length, after) : '';
      if (!/(但|但是|可是|不过|却|仍然|仍|还)/.test(between)) return false;
    }
    if (v.text[c.at + c.word.length] === '过') return false;
    // a smell that comes every night is pollution, not a leak
    return !(/味/.test(c.word) && CHRONIC_RE.test(v.text));
  });
}

export function vulnerablePerson(v: TextView): Cue[] {
  return cues(v, VULNERABLE, { worry: true }).filter((c) => !VULNERABLE_NOT.test(v.text.slice(c.at, c.at + 5)));
}

export function group(v: TextView, groups: GroupHit[]): Cue[] {
  const notPeople = (c: Cue) => /^聚集/.test(c.word) && /^.{0,8}(猫|狗|鸟|蚊|苍蝇|老鼠|鸽)/.test(v.text.slice(c.at + 2, c.at + 12));
  const open = (at: number) => !isSettled(v, at) && scopeBefore(v, at) !== 'neg' && !notReal(v, at) && at > debunkedBefore(v);
  const big = groups.filter((g) => g.size >= LARGE_GROUP && open(g.index)).map((g) => ({ word: g.text, at: g.index }));
  const loose: Cue[] = [];
  LOOSE_COUNT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOOSE_COUNT.exec(v.text))) {
    const n = parseChineseNumber(m[1]);
    if (n != null && n >= LARGE_GROUP && n < 100_000 && open(m.index)) loose.push({ word: m[0], at: m.index });
  }
  return [...big.filter((g) => !/群(里)?(有|共)?$/.test(v.text.slice(Math.max(0, g.at - 3), g.at))), ...loose, ...cues(v, GROUP).filter((c) => !notPeople(c))];
}

export function largeAmount(v: TextView, amounts: AmountHit[]): Cue[] {
  const big = amounts.filter((a) => a.value >= LARGE_AMOUNT && !isSettled(v, a.index) && scopeBefore(v, a.index) !== 'neg' && !notReal(v, a.index));
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
  // people exposed: the vulnerable, or a crowd going about its day next to the danger
  const vp = [...(by.get('vulnerable_person') ?? []), ...cues(view, EXPOSED)];
  if (hz && vp.length) {
    const near = hz.filter((h) => vp.some((p) => Math.abs(p.at - h.at) <= NEAR));
    const people = vp.filter((p) => hz.some((h) => Math.abs(p.at - h.at) <= NEAR));
    if (near.length) {
      forced.push({ code: 'hazard_active', evidence: evidence(near) });
      const who = people.filter((p) => VULNERABLE_WORD.test(p.word));
      forced.push(who.length ? { code: 'vulnerable_person', evidence: evidence(who) } : { code: 'group', evidence: evidence(people) });
    }
  }
  return { flags, forced };
}
