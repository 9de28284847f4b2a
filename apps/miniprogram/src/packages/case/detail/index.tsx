import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { CATEGORY_LABELS, CHANNEL_LABELS, type Category } from '@zongzhi/shared';
import { useState } from 'react';
import { HistoryTimeline } from '../../../components/history-timeline';
import { PageContainer } from '../../../components/page-container';
import { StatusTag } from '../../../components/status-tag';
import { getTicket, type TicketDetail } from '../../../services/reports.api';
import { formatDateTime } from '../../../utils/format';
import '../case.css';

export default function CaseDetailPage() {
  const [id, setId] = useState('');
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

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

  const category = (ticket?.category || ticket?.triage?.category) as Category | undefined;

  return (
    <View className='page'>
      <PageContainer loading={loading} error={error} onRetry={id ? () => load(id) : undefined}>
        {ticket ? (
          <View id='case-detail'>
            <View className='card'>
              <View className='row-between'>
                <Text className='case-code' id='detail-case-code'>{ticket.caseCode}</Text>
                <StatusTag status={ticket.status} />
              </View>
              <View className='case-meta'>
                <Text className='case-meta-row'>{`提交时间:${formatDateTime(ticket.createdAt)}`}</Text>
                {category ? <Text className='case-meta-row'>{`问题类别:${CATEGORY_LABELS[category] || category}`}</Text> : null}
                {ticket.channel ? <Text className='case-meta-row'>{`反映渠道:${CHANNEL_LABELS[ticket.channel] || ticket.channel}`}</Text> : null}
              </View>
            </View>
            <View className='card'>
              <Text className='card-title'>反映内容</Text>
              <Text className='case-text' userSelect>{ticket.text}</Text>
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
