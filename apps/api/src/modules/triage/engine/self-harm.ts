/**
 * The self_harm flag: suicide or self-harm, stated or hinted, by the person or
 * about someone. People rarely say it outright, so the cues come in families
 * and are weighed:
 *
 *   STRONG (2): a wish to die or vanish (不想活了, 活着没意思, 我走了你们就清净了),
 *     the means (药攒了一瓶, 刀片, 农药, 寿衣, a missing 晾衣绳), self-injury
 *     (手腕上划), a farewell letter (遗书, 写好了给爸妈的信), lingering at an edge
 *     (坐在楼顶边上, 在水库边徘徊, 站在护栏外), a threat to jump (不给钱就跳).
 *   HINT (1): a burden (不想拖累, 成了累赘), a farewell (说了再见, 谢谢这些年照顾,
 *     拜托你了), giving things away or handing them over (猫托付给, 存折交给),
 *     withdrawal (不吃不睡, 关机, 联系不上, 停药), "it is over" (这辈子算完了),
 *     and a loss as context (离婚, 网贷, 失业, 老伴走了, 被欺负).
 *
 * The flag is raised at a weight of 2 from at least one cue that is not only
 * context: one strong cue, or two hints of different families (a loss counts
 * as one, but never alone). Jokes and games
 * (哈哈, 只是说说, 打游戏), things that turned out otherwise (经核实系…, 后来才知道)
 * and matters long recovered (前年…现在挺好) cancel the cues they cover.
 */
import { debunkedBefore, isSettled, notReal, scopeBefore, sentenceAt, type TextView } from './context';

export interface Cue {
  word: string;
  at: number;
}

interface Family {
  name: string;
  weight: 1 | 2;
  re: RegExp;
}

const EDGE = '(楼顶|天台|顶楼|晒台|屋顶|楼顶边|护栏外|栏杆外|栏杆边|塔吊|水塔|大坝|坝上|河堤|江边|河边|湖边|海边|水库|桥上|大桥|桥边|桥中|阳台栏杆|窗台|铁轨)';

const FAMILIES: Family[] = [
  {
    name: 'wish',
    weight: 2,
    re: /((是不是|要不要|还不如)[^，。！？]{0,3}(走了|死了|不在了|消失)[^，。！？]{0,4}(更|就|会)?(干净|清净|轻松|解脱|好)|唔想(再)?活|做傻事|(以后|从此)?(唔使|不使|不用|不必)再?(烦|麻烦|打扰)(你们|你哋|你|大家|任何人)|不想(再)?(在|喺)?(这个|呢个)世界|(过了|等|到了|明天|下周|这个周末)[^。！？]{0,10}(我)?(也|就)?(用不着|用不上|不需要|唔使)(钱|这些|了)|走了(更|就|会|反而)?(干净|清净|轻松|解脱|好)|(可以|能|就能|就可以|终于)(彻底|永远)?解脱|彻底解脱|下辈子(再)?(还|报答|补偿|做)|(早点|想|要)去(找|陪|见)(我爸|我妈|老伴|老头子?|孩子他爸|他爸|她妈|我老公|我老婆|爸爸|妈妈)|不想活|不活了|活不下去|活不成了|没法活了|活着?(也|还|又)?(没|有什么|干啥|干嘛|图啥|图什么)(意思|意义|用|劲|盼头|奔头)|活着(干啥|干嘛|图啥)|活着?(太|真)累|活够了|没脸活|不如死|死了算了|一了百了|一死了之|寻死|轻生|自杀|自尽|寻短见|想不开.{0,4}(自杀|轻生|跳)|不想(再)?醒(过来)?|(跟|随|陪)(老伴|他|她|我妈|我爸|老头|老婆子)(去|走)了|没(什么|啥)(可|好|值得)?留恋|世界(上)?没(什么|我的)|没我的地方|就当没我|命抵给|这条命(抵|赔|不要)|拉.{0,3}垫背|死给.{0,4}看|死在.{0,8}(门口|面前|家里|家门)|大不了(一)?死|(要是|如果)?(我|我们|俺|我们娘俩)(要是|如果)?(死了|不在了|消失了|走了|没了)[^。！？]{0,10}(清净|干净|轻松|好过|不用|省心|解脱|好了|没人)|带着?(孩子|娃|儿子|女儿).{0,4}一起(走|死|跳)|没有(我|她|他)[^。！？]{0,6}更好|(如果|要是)我不在了|我(可能|也许|怕是)?不在了|要去很远的地方|(就|我就|我也|就能)解脱了?|不会再麻烦(任何人|你们|大家)|以后不(再)?麻烦|等.{0,6}就走|(?<![得烦累气热吵闷饿困])(想|要)(去)?死(?![人者亡角])(?!你|您|我了)|结束(自己的?)?生命|了结自己|自我了结|自己了结)/g,
  },
  {
    name: 'means',
    weight: 2,
    re: /((哪种|什么|啥|哪样)药[^。！？]{0,4}(吃多|多吃|一次吃)|药吃多了|吃多了?(会)?不(难受|痛苦|疼)|(不难受|不痛苦|没有痛苦|不疼)的(方法|办法|死法|走法)|刀片|安眠药|(?<!化肥)农药(?![款店钱残厂价])|老鼠药|敌敌畏|百草枯|药(已经|都)?(买好|攒)|攒.{0,4}药|药瓶|寿衣|晾衣绳|(树|梁|门框|窗框|栏杆)上?(系|挂|拴)(了)?(根|条)?绳|烧炭|往下看|(手腕|手臂|胳膊|手上)[^。！？]{0,6}(划痕|割|划|伤痕|刀口|口子)|在手腕上|自残|自伤|割腕|哪种方式不痛苦|怎么死|(准备|带)(了|着)?.{0,3}(绳子|炭))/g,
  },
  {
    name: 'letter',
    weight: 2,
    re: /((跟|同|帮我跟|替我跟|和).{0,6}(说|讲)(一)?(声|句)?对(不|唔)(起|住)|(阿妈|妈|爸|老豆|阿爸|爸妈|老婆|老公)[,，]?对(不|唔)(起|住)|遗书|绝笔|(写好|写了|留下|留了|发现)(了)?[^。！？]{0,8}(给.{0,4}的信|一封信|字条|纸条|遗书)|对不起(你们|爸妈|爸爸妈妈|大家|家人)|我尽力了|晚安.{0,4}永远|永别|好好道(个)?别|(跟|和)(这个)?世界.{0,4}(道别|告别))/g,
  },
  {
    name: 'edge',
    weight: 2,
    re: new RegExp(
      `(${EDGE}[^。！？]{0,12}(站|坐|徘徊|来回走|走来走去|倚|靠|边缘|边上|吹风|吹(下|吓|一下|一阵)风|哭|不下来|不肯下|往下|独坐|停留)|(站|坐|徘徊|爬上|爬到|倚靠|独坐|上了|待在)[^。！？]{0,8}${EDGE}|(就|我就|便|要|扬言要?)跳(下去|下来)?(?=[了吧，。！!,\s]|$)|往下跳|跳下去|(躺|睡|挡|坐|趴)在(推土机|挖掘机|铲车|钩机|车轮|车)(前|底下|下面|前面)|跳楼|跳河|跳江|跳湖|跳桥|跳水库)`,
      'g',
    ),
  },
  {
    name: 'burden',
    weight: 1,
    re: /(添马烦|给.{0,3}(人|你们|大家)添(麻|马)烦|拖累|连累|累赘|负担|添麻烦|麻烦任何人|废人|没用的人|这辈子(就这样|算(是)?完|完了)|没什么盼头|没(有)?(活路|盼头|奔头)|撑不下去|熬不下去|不想(再)?花.{0,6}钱|消失)/g,
  },
  {
    name: 'farewell',
    weight: 1,
    re: /(拜拜了?(?=[\"”'」』]|$)|永别了|不用[再在](打|找|来|管)|(屋|屋里|房间|东西)[^。！？]{0,4}(都)?收拾(干净|好)了|再见|告别|道别|最后(跟你|一次|一面|看看)|谢谢.{0,10}(照顾|帮过|这些年|以前)|拜托你了|帮我照(看|顾)|照顾好|以后.{0,6}(麻烦你|帮忙|你帮我|用得上|用不上)|交代(了)?(后事|好了|的都)|该交代的|提前安排好|不会再回来|不回来了|不回去了|别找我|不用再(打|找|来)|删(除|光|掉)(了)?(全部|所有)?(的)?动态|清空(了)?(朋友圈|动态))/g,
  },
  {
    name: 'giving',
    weight: 1,
    re: /((狗|猫|宠物|鸟|豆豆)[^。！？]{0,12}(帮忙|帮我|麻烦.{0,3})(养|照顾|喂)|钱(喺|在)(抽屉|柜|床)|送人|送给|分给|分送|托付|交给|放我这|(攒的|存的|积蓄|存款)[^。！？]{0,6}(转给|给了)|密码|存折|房本|银行卡|钥匙.{0,6}(放|分|给|交)|全放了|挂.{0,4}卖了)/g,
  },
  {
    name: 'loss',
    weight: 1,
    re: /((老伴|丈夫|妻子|老公|老婆|儿子|女儿|孩子|妈|爸)[^。！？]{0,3}(走了|去世|过世|没了)|离婚|网贷|借呗|花呗|欠.{0,6}(债|贷)|债主|高利贷|催收|催债|追债|逼债|被(辞退|裁|开除)|裁员|失业|破产|断供|赔光|亏(了|光)|抑郁|霸凌|被欺负|欺负|被打|打骂|绝症|癌|尿毒症|瘫|残疾|情绪低落|情绪崩溃|哭)/g,
  },
  {
    name: 'withdrawal',
    weight: 1,
    re: /(人(都|也)?找不到了?|(冇|没)(人)?(听|接)(电话)?|电话[^。！？]{0,4}(冇人|没人)(听|接)|不吃饭|不进食|拒绝进食|不吃不睡|不吃不喝|几乎不吃|饭(也)?吃不下|把自己(锁|关)在|关在屋|闭门不出|关机|联系不上|失联|(两|几|三|一)天(都)?未归|没回(家|来)|失踪|找不到人|人不见了|停药|停止透析|神情恍惚|一个人坐|喊他也不应|问他也不说|不理人)/g,
  },
];

/** Someone else who vanished (a debtor, a scammer, a husband gone for years): not withdrawal. */
const OTHER_PARTY = /(对方|老板|商家|公司|骗子|平台|中介|包工头|店主|卖家|房东|租客|丈夫.{0,4}年)/;
/** 活着就是为了孩子, 为了孩子也得撑: a reason to live, not a wish to die. */
const UNDO = /(活着就是为了|为了.{0,6}(也要|也得|还得)(活|撑|坚持)|得活下去|要好好活)/;

function familyCues(v: TextView, f: Family): Cue[] {
  const out: Cue[] = [];
  f.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = f.re.exec(v.text))) {
    if (!m[0]) {
      f.re.lastIndex++;
      continue;
    }
    const at = m.index;
    // a hypothetical about one's own death (要是我消失了…) is itself the hint: only negation cancels
    if (isSettled(v, at) || scopeBefore(v, at) === 'neg') continue;
    const s = sentenceAt(v.text, at);
    if (notReal(v, at) || UNDO.test(s)) continue;
    if (f.name === 'withdrawal' && OTHER_PARTY.test(s)) continue;
    out.push({ word: m[0], at });
  }
  return out;
}

/** The cues that raise self_harm (empty when it is not raised). */
export function selfHarmCues(v: TextView): Cue[] {
  const cut = debunkedBefore(v);
  let score = 0;
  const cues: Cue[] = [];
  const LOSS_ONLY = new Set<Cue>();
  for (const f of FAMILIES) {
    const cs = familyCues(v, f).filter((c) => c.at > cut);
    if (!cs.length) continue;
    score += f.weight;
    if (f.name === 'loss') {
      // context, quoted after the cues it supports
      LOSS_ONLY.add(cs[0]);
      cues.push(cs[0]);
    } else cues.push(...cs);
  }
  // context alone (a loss) never raises the flag
  if (score < 2 || cues.every((c) => LOSS_ONLY.has(c))) return [];
  return [...cues.filter((c) => !LOSS_ONLY.has(c)).sort((a, b) => a.at - b.at), ...cues.filter((c) => LOSS_ONLY.has(c))];
}
