import { Text } from '@tarojs/components';
import { RISK_LEVEL_LABELS, type RiskLevel } from '@zongzhi/shared';
import './index.css';

/** 高/中/低风险, in colours that differ in more than hue (filled, outlined, plain) for colour-blind readers. */
export function RiskBadge({ level, id }: { level: RiskLevel | string | null | undefined; id?: string }) {
  const known = level === 'high' || level === 'medium' || level === 'low';
  const label = known ? RISK_LEVEL_LABELS[level as RiskLevel] : '未评估';
  return (
    <Text id={id} className={`risk-badge risk-badge--${known ? level : 'none'}`} data-risk={known ? level : 'none'}>
      {label}
    </Text>
  );
}
