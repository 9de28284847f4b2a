import { CATEGORIES } from '@zongzhi/shared';
import { runPhases, PHASES } from '../pipeline';
import { loadRiskModel } from '../models-load';
import { loadFlagModels } from '../flag-model';
import { productionModels } from '../training';
import type { Models, RiskModel } from '../types';
import { categoryRuleScores } from './category-rules';
import { decidePhase, flagReasons } from './decide';
import { explainPhase } from './explain';
import { extractPhase } from './extract';
import { flagsPhase } from './flags';
import { modelsPhase } from './models';
import { normalisePhase } from './normalise';
import { riskSignals, rulesPhase } from './rules';

const RULES_ALONE: Models = { category: null, risk: null };
const upTo = (text: string, until: (typeof PHASES)[number], models: Models = RULES_ALONE) => runPhases({ text }, models, until);

describe('phase 1, normalise', () => {
  it('simplifies, folds full-width, masks idioms at the same length, and keeps the raw text for jokes and games', () => {
    const n = normalisePhase({ text: '樓上打遊戲喊「殺了你」，氣死我了' });
    expect(n.text).toContain('楼上');
    expect(n.text).not.toContain('气死我');
    expect(n.view.raw).toContain('打游戏');
    expect(n.view.raw.length).toBe(n.text.length);
  });
  it('never throws on odd input', () => {
    expect(() => normalisePhase({ text: undefined as unknown as string })).not.toThrow();
  });
});

describe('phase 2, extract numbers and parties', () => {
  it('finds the largest open amount and head-count', () => {
    const e = extractPhase(normalisePhase({ text: '老板欠我们二十多个工人工资八十五万' }));
    expect(e.maxAmount.value).toBe(850_000);
    expect(e.maxGroup.value).toBeGreaterThanOrEqual(20);
  });
  it('ignores amounts in a settled clause and head-counts in a drill', () => {
    const e = extractPhase(normalisePhase({ text: '欠的三十万已经结清了。今天组织消防演练，疏散住户百余人。' }));
    expect(e.maxAmount.value).toBe(0);
    expect(e.amountSettled).toBe(true);
    expect(e.maxGroup.value).toBe(0);
  });
});

describe('phase 3, flags', () => {
  it('raises flags with evidence from the normalised text and the extracted amounts', () => {
    const c = upTo('网贷欠了八十五万，我不想活了', 'extract');
    const f = flagsPhase(c);
    expect(f.flags.map((x) => x.code)).toEqual(['self_harm', 'large_amount']);
    expect(f.forced.map((x) => x.code)).toEqual(['self_harm']);
  });
});

describe('phase 4, rules', () => {
  it('drops signals before "经核实系…", in jokes and in drills; keeps real ones with a quoting reason', () => {
    expect(riskSignals(normalisePhase({ text: '报警人称有人喊杀人啦，民警到场核实系看电视剧音量过大' })).signals.filter((s) => s.level === 'high')).toEqual([]);
    expect(riskSignals(normalisePhase({ text: '商场搞消防演习，到处冒烟' })).signals.filter((s) => s.kind === 'danger')).toEqual([]);
    // a check that finds the cause, or finds harm, debunks nothing
    const cause = riskSignals(normalisePhase({ text: '两伙人持棍棒对峙，一人头部受伤送医。经了解系因修村道占地补偿分配引起' })).signals;
    expect(cause.some((s) => s.level === 'high')).toBe(true);
    const harm = riskSignals(normalisePhase({ text: '某户女子身上多处淤青，经了解系丈夫长期家暴所致' })).signals;
    expect(harm.some((s) => s.kind === 'violence')).toBe(true);
    const real = riskSignals(normalisePhase({ text: '楼道里冒烟了，火苗往上窜' })).signals;
    expect(real.some((s) => s.kind === 'danger' && s.reason.includes('冒烟'))).toBe(true);
  });
  it('scores categories from the lexicon, with the keywords as evidence', () => {
    const n = normalisePhase({ text: '包工头拖欠工资三个月了' });
    const r = categoryRuleScores(n, []);
    const labor = CATEGORIES.indexOf('labor');
    expect(Math.max(...r.scores)).toBe(r.scores[labor]);
    expect(r.evidence[labor]).toContain('拖欠工资');
  });
  it('adds amount and size signals from the extract phase', () => {
    const c = upTo('老板欠我们三十多个工人工资八十五万', 'flags');
    const r = rulesPhase(c);
    expect(r.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['amount', 'size']));
  });
});

describe('phase 5, models', () => {
  it('without models the rules name the category; with the production model a confident model can', () => {
    const alone = modelsPhase(upTo('隔壁天天半夜唱歌', 'rules'));
    expect(alone.probs).toBeNull();
    expect(alone.riskProbs()).toBeNull();
    const withModels = modelsPhase(upTo('隔壁天天半夜唱歌', 'rules', productionModels() as Models));
    const p = withModels.riskProbs();
    expect(p).not.toBeNull();
    expect(p!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});

describe('phase 6, decide', () => {
  /** A risk model that is sure every report is low: it may lower soft mediums, never a forced high. */
  const sureLow = (): RiskModel => {
    const m = loadRiskModel({ version: 1, labels: ['low', 'medium', 'high'], bias: [20, 0, 0], scale: 1, lambda: 0, tau: 0, features: '', highAt: 0.6, mediumAt: 0.8, lowAt: 0.5 })!;
    return m;
  };
  it('forced flags make the level high and the model may not lower it', () => {
    const models: Models = { category: null, risk: sureLow() };
    const c = upTo('我把猫托付给邻居了，存折也交给我妹了，以后不麻烦大家了', 'models', models);
    const d = decidePhase(c);
    expect(d.riskLevel).toBe('high');
    expect(d.flagReasons[0]).toMatch(/^自伤自杀风险/);
  });
  it('the model lowers a medium made only of soft signals, and says so', () => {
    const c = upTo('邻居家装修吵了好几次，协调多次未果', 'models', { category: null, risk: sureLow() });
    const d = decidePhase(c);
    expect(d.riskLevel).toBe('low');
    expect(d.modelNote).toMatch(/综合文本特征研判为低风险/);
  });
  it('joins an active hazard and the vulnerable people near it into one reason', () => {
    expect(flagReasons([{ code: 'hazard_active', evidence: '井盖丢' }, { code: 'vulnerable_person', evidence: '小学生' }])).toEqual([
      '现实危险("井盖丢")且涉及弱势群体("小学生"),危及人身安全',
    ]);
  });
});

describe('phase 7, explain', () => {
  it('gives the category reason first, then the flags that forced the level, then the signals', () => {
    const c = upTo('我不想活了，厂里欠我工资一年了', 'decide');
    const { reasons } = explainPhase(c);
    expect(reasons[0]).toMatch(/^关键词:|^文本特征判断|^未匹配/);
    expect(reasons[1]).toMatch(/^自伤自杀风险\("/);
  });
});

describe('the pipeline', () => {
  it('runs the phases in the documented order', () => {
    expect(PHASES).toEqual(['normalise', 'extract', 'flags', 'rules', 'models', 'decide', 'explain']);
  });
});

describe('phase 3, flags: the learned detectors are a second opinion that may only raise', () => {
  /** A detector that always says yes (bias +20) or always no (bias −20), with one n-gram to quote. */
  const detector = (bias: number) =>
    loadFlagModels({ version: 1, flags: { self_harm: { version: 1, labels: ['no', 'yes'], bias: [0, bias], scale: 1, lambda: 0, tau: 0, features: '凉快\t1:5', at: 0.5 } } })!;
  it('raises a flag the rules missed, quotes a clause of the text, asks for a human check, and makes the report high', () => {
    const text = '最近天气凉快了，小区花坛里的月季开得挺好';
    const models: Models = { category: null, risk: null, flags: detector(20) };
    expect(upTo(text, 'flags', RULES_ALONE).flags.map((f) => f.code)).not.toContain('self_harm');
    const c = upTo(text, 'explain', models);
    const f = c.flags.find((x) => x.code === 'self_harm')!;
    expect(text).toContain(f.evidence);
    expect(c.learned.map((l) => l.code)).toEqual(['self_harm']);
    expect(c.reasons.join(' ')).toMatch(/模型研判疑似自伤自杀风险.*请人工核实/);
    expect(c.riskLevel).toBe('high');
  });
  it('never lowers or removes a flag the rules raised', () => {
    const text = '我实在不想活了，欠的钱这辈子也还不上';
    const c = upTo(text, 'decide', { category: null, risk: null, flags: detector(-20) });
    expect(c.flags.map((f) => f.code)).toContain('self_harm');
    expect(c.learned).toEqual([]);
    expect(c.riskLevel).toBe('high');
  });
  it('the shipped detectors load, one per life-safety flag, with thresholds in (0, 1]', () => {
    const d = productionModels().flags!;
    for (const code of ['self_harm', 'violence_threat', 'hazard_active'] as const) {
      expect(d[code]).toBeDefined();
      expect(d[code]!.at).toBeGreaterThan(0);
      expect(d[code]!.at).toBeLessThanOrEqual(1);
    }
  });
});
