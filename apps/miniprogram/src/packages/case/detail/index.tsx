import { Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { CATEGORY_LABELS, CHANNEL_LABELS, COLOR_LABELS, type Category } from '@zongzhi/shared';
import { useState } from 'react';
import { CrisisCard } from '../../../components/crisis-card';
import { EvaluationForm } from '../../../components/evaluation-form';
import { HistoryTimeline } from '../../../components/history-timeline';
import { PageContainer } from '../../../components/page-container';
import { StatusTag } from '../../../components/status-tag';
import { usePageClass } from '../../../services/display';
import { evaluateTicket, getTicket, type TicketDetail } from '../../../services/reports.api';
import { previewImages } from '../../../services/preview';
import { photoUrl } from '../../../services/uploads.api';
import { formatDateTime } from '../../../utils/format';
import '../case.css';

export default function CaseDetailPage() {
  const pageClass = usePageClass();
  const [id, setId] = useState('');
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [evaluated, setEvaluated] = useState('');

  const load = async (ticketId: string) => {
    setLoading(true);
    setError(null);
    const result = await getTicket(ticketId);
    setLoading(false);
    if (result.ok) setTicket(result.data);
    else setError(result.status === 404 ? '未找到该案件' : result.message);
  };

  useLoad((params: Record<string, string | undefined>) => {
    const ticketId = decodeURIComponent(params.id || '');
    setId(ticketId);
    if (ticketId) load(ticketId);
    else {
      setLoading(false);
      setError('缺少案件信息');
    }
  });

  usePullDownRefresh(() => {
    (id ? load(id) : Promise.resolve()).then(() => Taro.stopPullDownRefresh());
  });

  const category = (ticket?.category || ticket?.triage?.category) as Category | undefined;
  const canEvaluate = !!ticket && ticket.status === 'resolved' && (ticket.allowedActions || []).indexOf('evaluate') >= 0;
  const photos = ticket?.photos || [];

  return (
    <View className={pageClass}>
      <PageContainer loading={loading && !ticket} error={error} onRetry={id ? () => load(id) : undefined}>
        {ticket ? (
          <View id='case-detail' data-status={ticket.status}>
            {ticket.crisis ? <CrisisCard notice={ticket.crisis} /> : null}
            <View className='card'>
              <View className='row-between'>
                <Text className='case-code' id='detail-case-code'>{ticket.caseCode}</Text>
                <StatusTag status={ticket.status} />
              </View>
              <View className='case-meta'>
                <Text className='case-meta-row'>{`提交时间:${formatDateTime(ticket.createdAt)}`}</Text>
                {category ? <Text className='case-meta-row'>{`问题类别:${CATEGORY_LABELS[category] || category}`}</Text> : null}
                {ticket.channel ? <Text className='case-meta-row'>{`反映渠道:${CHANNEL_LABELS[ticket.channel] || ticket.channel}`}</Text> : null}
                {ticket.resolveDeadline && (ticket.status === 'dispatched' || ticket.status === 'in_progress') ? (
                  <Text className='case-meta-row'>{`应办结时间:${formatDateTime(ticket.resolveDeadline)}`}</Text>
                ) : null}
                {ticket.color ? (
                  <Text className={`case-color case-color--${ticket.color}`} id='detail-color'>
                    {COLOR_LABELS[ticket.color]}
                  </Text>
                ) : null}
                {ticket.anonymous ? <Text className='case-meta-row'>匿名反映(承办部门看不到您的身份)</Text> : null}
              </View>
            </View>

            {evaluated ? (
              <Text className='card case-evaluated' id='eval-done'>
                {evaluated}
              </Text>
            ) : null}

            {canEvaluate ? (
              <View className='card'>
                <EvaluationForm
                  submit={(input) => evaluateTicket(ticket.id, input)}
                  onDone={(updated) => {
                    setTicket({ ...ticket, ...updated });
                    setEvaluated(
                      updated.status === 'in_progress' ? '已收到您的评价,案件已转承办部门重新办理,结果会再次通知您。' : '感谢您的评价,案件已办结。',
                    );
                  }}
                />
              </View>
            ) : null}

            <View className='card'>
              <Text className='card-title'>反映内容</Text>
              <Text className='case-text' userSelect>{ticket.text}</Text>
              {ticket.location?.address ? <Text className='case-meta-row case-address'>{`地点:${ticket.location.address}`}</Text> : null}
              {photos.length ? (
                <View className='case-photos' id='case-photos'>
                  {photos.map((p) => (
                    <Image
                      key={p.id}
                      className='case-photo'
                      src={photoUrl(p.thumbnailUrl)}
                      mode='aspectFill'
                      onClick={() => previewImages(photos.map((x) => photoUrl(x.url)), photoUrl(p.url))}
                    />
                  ))}
                </View>
              ) : null}
            </View>
            <View className='card'>
              <Text className='card-title'>办理进度</Text>
              <HistoryTimeline history={ticket.history || []} />
            </View>
          </View>
        ) : null}
      </PageContainer>
    </View>
  );
}
