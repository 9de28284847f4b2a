import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, DEPARTMENT_LABELS } from '@zongzhi/shared';
import type { Triage } from '../../services/reports.api';
import './index.css';

/** 「初步判断:劳动争议/欠薪 · 将由劳动保障监察处理」 — a hint, the centre decides. */
export function TriageHint({ triage }: { triage: Triage | null }) {
  if (!triage) return null;
  const category = CATEGORY_LABELS[triage.category] || '';
  const department = DEPARTMENT_LABELS[triage.department] || '';
  return (
    <View id='triage-hint' className='triage-hint' data-category={triage.category} data-department={triage.department}>
      <Text className='triage-hint-main'>
        {category ? `初步判断:${category}` : '初步判断'}
        {department ? `,将由${department}处理` : ''}
      </Text>
      <Text className='triage-hint-note'>仅供参考,以综治中心受理为准</Text>
    </View>
  );
}
