import { extractAmounts, extractGroupSizes, parseChineseNumber } from './numbers';

describe('parseChineseNumber', () => {
  it.each([
    ['9万', 90_000],
    ['97万余', 970_000],
    ['十来万', 100_000],
    ['三千', 3_000],
    ['1.5万', 15_000],
    ['贰拾陆万捌仟', 268_000],
    ['5000', 5_000],
    ['两万多', 20_000],
    ['一万二', 12_000],
    ['三千五', 3_500],
    ['一百零五', 105],
    ['十几万', 150_000],
    ['几十万', 300_000],
    ['上百万', 1_000_000],
    ['3w', 30_000],
    ['1万5千', 15_000],
  ])('%s → %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });
});

describe('extractAmounts: money in every form', () => {
  it.each([
    ['包工头欠了我们9万', 90_000],
    ['经核实拖欠金额约97万余元', 970_000],
    ['说好的工钱加材料款十来万', 100_000],
    ['老板还欠我三千块', 3_000],
    ['对方欠1.5万的货款', 15_000],
    ['欠其货款贰拾陆万捌仟元', 268_000],
    ['工资5000元没发', 5_000],
    ['花了两万多 店里不给退', 20_000],
    ['押金1500不退', 1_500],
    ['共计一万八千元', 18_000],
    ['涉及金额数十万元', 300_000],
  ])('%s → %d', (text, v) => {
    const max = Math.max(0, ...extractAmounts(text).map((a) => a.value));
    expect(max).toBe(v);
  });

  it.each(['承包了一块地', '万一着火了怎么办', '十几个工人', '二十来人', '三个月', '5号楼3单元'])('%s has no money amount', (text) => {
    expect(extractAmounts(text)).toEqual([]);
  });
});

describe('extractGroupSizes: people stated directly or roughly', () => {
  it.each([
    ['我们十几个工人在工地干了半年', 15],
    ['涉及20多户居民', 20],
    ['二十来人堵在门口', 20],
    ['我们三家都不同意', 3],
    ['约30人聚集', 30],
    ['三十多个人办的卡', 30],
    ['兄妹四人意见不一', 4],
    ['双方各叫了十几个亲戚', 15],
    ['约两百名会员', 200],
    ['走访中了解到某村三十多户村民买了净水器', 30],
  ])('%s → %d', (text, n) => {
    const max = Math.max(0, ...extractGroupSizes(text).map((g) => g.size));
    expect(max).toBe(n);
  });

  it.each(['三个月工资', '跑了三家医院', '走访辖区商户12家', '走访了30户', '排查共12家', '住在3号楼'])('%s is not a group', (text) => {
    const max = Math.max(0, ...extractGroupSizes(text).map((g) => g.size));
    expect(max).toBeLessThan(3);
  });
});
