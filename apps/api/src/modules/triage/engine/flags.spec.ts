import type { TriageFlagCode } from '@zongzhi/shared';
import { textView } from './context';
import { detectFlags } from './flags';
import { normalise } from './normalize';
import { extractAmounts, extractGroupSizes } from './numbers';
import { triage } from './index';

/** The flags phase alone, on normalised text, as the engine runs it. */
function flagsOf(raw: string) {
  const n = normalise(raw);
  return detectFlags({ view: textView(n.text, n.raw), amounts: extractAmounts(n.text), groups: extractGroupSizes(n.text) });
}
const codes = (raw: string) => flagsOf(raw).flags.map((f) => f.code);
const evidenceOf = (raw: string, code: TriageFlagCode) => flagsOf(raw).flags.find((f) => f.code === code)?.evidence;

describe('self_harm: stated or hinted, by the person or about someone', () => {
  it.each([
    ['stated', '我实在不想活了，欠的钱这辈子也还不上'],
    ['a farewell and belongings given away', '我把手机和电动车都送给了室友，以后不会再回来了，大家保重'],
    ['"no point living" with debts', '生意赔光了还欠了一身债，活着还有什么意思'],
    ['"won\'t be a burden"', '我病成这样，不想再拖累孩子们了，老伴走了以后我也没什么盼头了'],
    ['lingering by the reservoir after a loss', '她离婚后整天一个人在水库边上坐着发呆，叫也不应'],
    ['a parent about a bullied teenager', '儿子在学校被同学欺负，这几天总说活着没意思，还在手腕上划了几道口子'],
    ['a rooftop', '有个小伙子在楼顶边上站了半个多小时了，一直在哭'],
  ])('%s', (_name, text) => {
    expect(codes(text)).toContain('self_harm');
  });

  it.each([
    ['累死了', '这几天加班累死了，老板还不给加班费'],
    ['气死我了', '楼上又在半夜蹦迪，气死我了'],
    ['烦得想死', '装修噪音天天响，烦得想死'],
    ['活着就是为了孩子', '离婚以后我活着就是为了孩子，现在前夫连抚养费都不给'],
    ['a negation', '他说自己没有想不开，也不会做傻事，就是想要回工资'],
    ['ordinary giving', '我们把锦旗送给了社区网格员，感谢他帮忙'],
    ['a lone hint with no distress', '我明天就回老家了，不回来了，房子退租押金还没退'],
  ])('not for %s', (_name, text) => {
    expect(codes(text)).not.toContain('self_harm');
  });

  it('quotes the words that raised it', () => {
    expect(evidenceOf('老王这几天说活不下去了', 'self_harm')).toBe('活不下去');
  });
});

describe('violence_threat, including veiled revenge', () => {
  it.each([
    ['同归于尽', '再不给钱我就去他家跟他同归于尽'],
    ['鱼死网破', '大不了鱼死网破，谁也别想好过'],
    ['让他好看', '他再敢来我家门口闹，我就让他好看'],
    ['"I know where his kid goes to school"', '他不还钱，我知道他儿子在哪个学校上学'],
    ['"nothing to lose"', '我现在什么都没了，也没什么好怕的了'],
    ['a knife in hand', '男子拿着菜刀在小区门口叫骂'],
    ['a game as what the quarrel is about', '儿子沉迷网络游戏，经常向家里要钱，今晚拿着菜刀说不给钱就砍死全家'],
  ])('%s', (_name, text) => {
    expect(codes(text)).toContain('violence_threat');
  });

  it.each([
    ['a worry', '我担心他会报复我'],
    ['a negation', '他说不会报复，只是想要个说法'],
    ['a bargain price', '商场跳楼价大甩卖，砍价砍到一半'],
    ['words shouted in a game', '楼上小孩打游戏一直喊“杀了你”，半夜还在喊'],
  ])('not for %s', (_name, text) => {
    expect(codes(text)).not.toContain('violence_threat');
  });
});

describe('hazard_active: danger present now', () => {
  it.each([
    ['smoke in a blocked fire lane', '消防通道被货物和电动车堵死了，现在已经在冒烟了'],
    ['gas', '楼道里一股煤气味，敲门没人应'],
    ['a missing manhole cover', '人行道上井盖丢了，一个大黑洞'],
    ['a cracked wall', '后山挡土墙裂了好大一条缝，还在往下掉土'],
    ['fast water', '河水涨得很快，水流特别急，桥都快漫过了'],
    ['live wires', '大风把电线刮断了，电线垂到地上还在冒火花'],
  ])('%s', (_name, text) => {
    expect(codes(text)).toContain('hazard_active');
  });

  it.each([
    ['fixed last month', '上个月井盖丢了，后来市政已经补上了'],
    ['a drill', '今天小区搞消防演练，楼下放了烟雾弹冒烟'],
    ['a false alarm', '烟感报警器响了，后来确认是误报，没有着火'],
    ['hypothetical', '楼道堆了很多纸箱，万一着火就麻烦了'],
  ])('not when %s', (_name, text) => {
    expect(codes(text)).not.toContain('hazard_active');
  });
});

describe('vulnerable_person, group, large_amount', () => {
  it.each([
    ['children', '学校门口每天放学很多小学生过马路', 'vulnerable_person'],
    ['an elderly person living alone', '独居老人家里好几天没开门了', 'vulnerable_person'],
    ['a pregnant woman', '我怀孕七个月了，房东还要赶我走', 'vulnerable_person'],
    ['many people', '三十多个工人在项目部门口讨薪', 'group'],
    ['acting together', '业主们明天要集体去街道拉横幅', 'group'],
  ])('%s', (_name, text, code) => {
    expect(codes(text)).toContain(code);
  });

  it.each([
    ['85万', '老板欠我们工程款85万'],
    ['八十五万', '对方欠我八十五万货款'],
    ['850000', '对方欠我货款 850000 一直不还'],
    ['85w', '借给他85w到现在没还'],
    ['四十多个 in a money context', '前前后后借了他四十多个，到现在一分没还'],
    ['大几十万', '投进去大几十万全打了水漂'],
  ])('large_amount: %s', (_name, text) => {
    expect(codes(text)).toContain('large_amount');
  });

  it.each([
    ['a small debt', '邻居借我三千块钱一直不还'],
    ['a house number', '我住在幸福小区 120501 室'],
    ['people counted in 个', '我们四十多个人在这里干活'],
  ])('no large_amount for %s', (_name, text) => {
    expect(codes(text)).not.toContain('large_amount');
  });
});

describe('flags the models may never lower', () => {
  it.each([
    ['self_harm', '这日子过不下去了，活着没意思，钱也还不上'],
    ['violence_threat', '物业再来停我家水，我就跟他们拼了'],
    ['hazard_active near children', '小区门口人行道井盖丢了，一个大洞，每天放学好多小学生从这里走'],
  ])('%s → high, with the flag named first among the risk reasons', (_name, text) => {
    const r = triage({ text });
    expect(r.riskLevel).toBe('high');
    expect(r.tier).toBe('district');
    expect(r.reasons[1]).toMatch(/自伤自杀风险|暴力威胁|现实危险/);
  });

  it.each([
    ['a bare sum owed to a supplier', '我是给他们厂供货的，货款一共 480000 拖了一年多，我这小厂快撑不住了', 'large_amount'],
    ['smoke already rising in a blocked fire lane', '消防通道堆满了货和电动车，刚才那边已经开始冒烟了', 'hazard_active'],
    ['a parent about a bullied teenager', '孩子在学校天天被几个同学欺负，这两天把自己关在房间不吃饭，还问我他要是不在了我们会不会轻松点', 'self_harm'],
  ])('the issue\'s misses, reworded: %s → high with %s', (_name, text, code) => {
    const r = triage({ text });
    expect(r.riskLevel).toBe('high');
    expect(r.flags.map((f) => f.code)).toContain(code);
  });

  it('an active hazard far from anyone vulnerable is flagged but not forced high by the flag', () => {
    const f = flagsOf('巡查发现某路段人行道井盖缺失');
    expect(f.flags.map((x) => x.code)).toContain('hazard_active');
    expect(f.forced).toEqual([]);
  });
});

describe('classes of cue the first blind life-safety authors showed missing (paraphrased, not their texts)', () => {
  it.each([
    ['Cantonese, traditional: no longer bothering you', '我真係撐唔落去，以後唔使再煩你哋啦', 'self_harm'],
    ['Cantonese: 做傻事 about a relative', '細佬成日話冇意思，我好驚佢做傻事', 'self_harm'],
    ['asking which pills are painless in excess', '女儿问同学什么药一次吃多了不难受，还说考完试就能彻底解脱', 'self_harm'],
    ['the next life and an apology to mother', '这些债我下辈子再还吧，帮我跟我妈说声对不起', 'self_harm'],
    ['a date after which money is not needed', '工资要不要都行了，过了月底我也用不着钱了，存款都转给我弟了', 'self_harm'],
    ['"would it be cleaner if I were gone"', '一个人躺在床上想，是不是走了更干净', 'self_harm'],
    ['a pet handed over and a tidy room', '我家的猫麻烦隔壁帮忙养着，屋里都收拾干净了，不会给人添麻烦', 'self_harm'],
    ['Cantonese chopping threat', '佢再嚟搞事我真係斬佢', 'violence_threat'],
    ['"let us see who dies first"', '佢住邊度我搵到咗，睇下邊個死先', 'violence_threat'],
    ['rhetorical menace: see whether the water is cold', '老板天天去水库钓鱼，哪天我陪他去看看水凉不凉', 'violence_threat'],
    ['been to prison, not afraid to go back', '他指着我说自己坐过牢，根本不怕再进去', 'violence_threat'],
    ['smoke still there after the flames', '车库电瓶车起火，明火已扑灭但浓烟还没散，楼上还有老人', 'hazard_active'],
    ['play equipment loose, a child nearly fell', '公园秋千的螺丝都松了，一直在晃，小朋友差点摔下来', 'hazard_active'],
  ])('%s', (_name, text, code) => {
    expect(codes(text)).toContain(code as TriageFlagCode);
  });
  it('the hazard with a child or an old person near it is high', () => {
    expect(triage({ text: '公园秋千的螺丝都松了，一直在晃，小朋友差点摔下来' }).riskLevel).toBe('high');
    expect(triage({ text: '车库电瓶车起火，明火已扑灭但浓烟还没散，楼上还有行动不便的老人' }).riskLevel).toBe('high');
  });
  it('look-alikes stay clear', () => {
    expect(codes('明火已扑灭，现场无人员受伤，浓烟已散')).not.toContain('hazard_active');
    expect(codes('秋千上个月螺丝松了，物业已经换好了')).not.toContain('hazard_active');
    expect(codes('这个月加班累死了，等发了工资请大家吃饭')).not.toContain('self_harm');
  });
});
