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
        <Button
          id='worker-settle'
          className='btn btn-primary btn-block worker-gap'
          onClick={() =>
            Taro.redirectTo({ url: `/packages/worker/settle/index?id=${encodeURIComponent(created.id)}&caseCode=${encodeURIComponent(created.caseCode)}` })
          }
        >
          已现场化解,登记结果
        </Button>
        <Button id='worker-back' className='btn btn-secondary btn-block worker-gap' onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/worker/home/index' }))}>
          返回巡查
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
