import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro';
import { CATEGORY_LABELS, DEFAULT_TIME_LIMITS, RISK_LEVELS, type Category, type RiskLevel } from '@zongzhi/shared';
import { useState } from 'react';
import { CrisisCard } from '../../../components/crisis-card';
import { usePageClass } from '../../../services/display';
import { formatDateTime } from '../../../utils/format';
import { lookupPath, shareCaseH5 } from './share';
import './index.css';

const HOUR = 3600_000;
const isWeapp = process.env.TARO_ENV === 'weapp';

/** What happens next and by when, from DOMAIN.md's default time limits. */
export function nextSteps(submittedAt: Date, risk: RiskLevel | '', crisis = false): string[] {
  const acceptBy = formatDateTime(new Date(submittedAt.getTime() + (crisis ? 1 : 24) * HOUR).toISOString());
  const resolveDays = (r: RiskLevel) => DEFAULT_TIME_LIMITS[r].resolveMinutes / 60 / 24;
  const resolveLine = risk
    ? `受理后交由相关部门办理,一般应在${resolveDays(risk)}天内办结`
    : `受理后交由相关部门办理,按紧急程度在3至15天内办结(重大紧急事项${resolveDays('high')}天,一般事项${resolveDays('low')}天)`;
  return [
    crisis ? `已作为紧急事项转区综治中心,工作人员将在1小时内(${acceptBy}前)受理并与您联系` : `综治中心将于24小时内受理(${acceptBy}前),紧急、重大事项会优先处理`,
    resolveLine,
    '办理进度会通知到「我的」—「消息」,也可凭案件编码和手机号查询',
    '办结后请您对办理结果进行评价;不满意的将重新办理',
  ];
}

export default function ReportSuccessPage() {
  const pageClass = usePageClass();
  const [caseCode, setCaseCode] = useState('');
  const [ticketId, setTicketId] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [risk, setRisk] = useState<RiskLevel | ''>('');
  const [submittedAt, setSubmittedAt] = useState(() => new Date());
  const [shareNote, setShareNote] = useState('');
  const [crisis, setCrisis] = useState(false);

  useLoad((params: Record<string, string | undefined>) => {
    setCaseCode(decodeURIComponent(params.caseCode || ''));
    setTicketId(decodeURIComponent(params.id || ''));
    const c = params.category as Category | undefined;
    if (c && CATEGORY_LABELS[c]) setCategory(c);
    const r = params.risk as RiskLevel | undefined;
    if (r && (RISK_LEVELS as readonly string[]).indexOf(r) >= 0) setRisk(r);
    const at = params.at ? new Date(decodeURIComponent(params.at)) : null;
    if (at && !isNaN(at.getTime())) setSubmittedAt(at);
    setCrisis(params.crisis === '1');
  });

  // weapp: what a shared card opens (the lookup page with the code filled in).
  useShareAppMessage(() => ({ title: `案件编码 ${caseCode}`, path: lookupPath(caseCode) }));

  const copy = () => {
    Taro.setClipboardData({ data: caseCode }).catch(() => undefined);
  };

  const share = async () => {
    const outcome = await shareCaseH5(caseCode);
    if (outcome === 'copied') {
      setShareNote('已复制案件编码和查询链接,可粘贴发送给家人');
      Taro.showToast({ title: '已复制,可粘贴发送', icon: 'none' }).catch(() => undefined);
    }
  };

  return (
    <View className={pageClass}>
      {crisis ? <CrisisCard audience='resident' /> : null}
      <View className='card success-card'>
        <Text className='success-title'>提交成功</Text>
        <Text className='muted'>您的案件编码</Text>
        <Text className='success-code' id='case-code' userSelect>
          {caseCode}
        </Text>
        <Text className='hint'>请记下或复制此编码,查询进度时需要用到</Text>
        <View className='success-buttons'>
          <Button className='btn btn-secondary success-copy' id='case-code-copy' onClick={copy}>
            复制编码
          </Button>
          {isWeapp ? (
            <Button className='btn btn-primary success-copy' id='case-share' openType='share'>
              分享给家人
            </Button>
          ) : (
            <Button className='btn btn-primary success-copy' id='case-share' onClick={() => void share()}>
              分享给家人
            </Button>
          )}
        </View>
        {shareNote ? (
          <Text className='success-share-note' id='case-share-note'>
            {shareNote}
          </Text>
        ) : null}
        {category ? <Text className='success-category'>{`初步分类:${CATEGORY_LABELS[category]}`}</Text> : null}
      </View>

      <View className='card' id='success-next'>
        <Text className='card-title'>接下来</Text>
        {nextSteps(submittedAt, risk, crisis).map((step, i) => (
          <Text className='success-step' key={step}>{`${i + 1}. ${step}`}</Text>
        ))}
      </View>

      {ticketId ? (
        <Button
          className='btn btn-primary btn-block success-action'
          id='success-view'
          onClick={() => Taro.redirectTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(ticketId)}` })}
        >
          查看办理进度
        </Button>
      ) : null}
      <Button className='btn btn-secondary btn-block success-action' id='success-home' onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </View>
  );
}
