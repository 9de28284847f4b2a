import { CrisisCard } from '../../../components/crisis-card';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ReportForm } from '../../../pages/report/report-form';
import { PATROL_DRAFT_KEY } from '../../../pages/report/report-draft-store';
import { usePageClass } from '../../../services/display';
import type { ReportCreated } from '../../../services/reports.api';
import '../../../pages/report/index.css';
import '../worker.css';

const WORKER_EXAMPLES = ['消防通道堵塞', '电动车楼道充电', '邻里纠纷', '占道经营', '垃圾堆积', '路灯损坏', '拖欠工资'];
const STAFF_LOGIN = '/packages/staff/login/index';

/** An event found on patrol: the resident's report form, as a grid worker (channel grid_patrol, the patrol linked). */
export default function WorkerReportPage() {
  const pageClass = usePageClass();
  const [patrolId, setPatrolId] = useState('');
  const [created, setCreated] = useState<ReportCreated | null>(null);

  useLoad((params: Record<string, string | undefined>) => {
    setPatrolId(decodeURIComponent(params.patrolId || ''));
  });

  if (created) {
    // A hazard (安全隐患, a live danger) or a high risk goes to the centre: 现场化解 stays possible (DOMAIN allows it
    // while the case waits for acceptance) but is never the main button.
    const t = created.triage;
    const mustEscalate = !!created.urgent || t?.riskLevel === 'high' || t?.category === 'safety_hazard' || !!t?.flags?.some((f) => f.code === 'hazard_active');
    const back = () => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/worker/home/index' }));
    const settle = () =>
      Taro.redirectTo({ url: `/packages/worker/settle/index?id=${encodeURIComponent(created.id)}&caseCode=${encodeURIComponent(created.caseCode)}` });
    return (
      <View className={pageClass}>
        {created.urgent ? <CrisisCard notice={created.crisis} audience='staff' /> : null}
        <View className='card worker-done' id='worker-report-done'>
          <Text className='worker-done-title'>事件已上报</Text>
          <Text className='muted'>案件编码</Text>
          <Text className='worker-done-code' id='worker-case-code'>
            {created.caseCode}
          </Text>
          <Text className='hint'>简单矛盾可现场化解并登记结果;需要部门处理的,由综治中心受理交办。</Text>
        </View>
        {mustEscalate ? (
          <Text className='form-error' id='worker-escalate-hint'>
            {t?.riskLevel === 'high' ? '高风险事件,' : '存在安全隐患,'}请先确保现场安全,等待综治中心受理交办;确已当场消除隐患的,再登记现场化解。
          </Text>
        ) : null}
        <Button id='worker-back' className={`btn ${mustEscalate ? 'btn-primary' : 'btn-secondary'} btn-block worker-gap`} onClick={back}>
          返回巡查
        </Button>
        <Button id='worker-settle' className={`btn ${mustEscalate ? 'btn-secondary' : 'btn-primary'} btn-block worker-gap`} data-main={mustEscalate ? 'false' : 'true'} onClick={settle}>
          已现场化解,登记结果
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass}>
      <View className='card'>
        <ReportForm
          defaultPhone=''
          resident={false}
          channel='grid_patrol'
          patrolId={patrolId || undefined}
          draftKey={PATROL_DRAFT_KEY}
          examples={WORKER_EXAMPLES}
          onLoginRequired={() => Taro.navigateTo({ url: STAFF_LOGIN })}
          onSubmitted={setCreated}
        />
      </View>
    </View>
  );
}
