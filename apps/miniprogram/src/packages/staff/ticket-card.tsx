import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Countdown, formatSpan } from '../../components/countdown';
import { RiskBadge } from '../../components/risk-badge';
import { StatusTag } from '../../components/status-tag';
import { ageOf, categoryLabel, channelLabel } from '../../services/staff-format';
import { STAFF_PAGES } from '../../services/staff-home';
import type { StaffTicket } from '../../services/tickets.api';
import { firstLine } from '../../utils/format';

/** One ticket in a staff list: risk, category, the engine's reasons, channel, place, age, and the clock if one runs. */
export function TicketCard({ ticket, now, extra }: { ticket: StaffTicket; now: Date; extra?: string }) {
  const reasons = ticket.triage?.reasons || [];
  return (
    <View
      className={`ticket-item ticket-item--${ticket.riskLevel || 'none'} queue-item${ticket.urgent ? ' ticket-item--urgent' : ''}`}
      data-case-code={ticket.caseCode}
      data-id={ticket.id}
      onClick={() => Taro.navigateTo({ url: `${STAFF_PAGES.ticket}?id=${encodeURIComponent(ticket.id)}` })}
    >
      <View className='ticket-item-top'>
        {ticket.urgent ? <Text className='urgent-badge'>紧急·危机干预</Text> : null}
        <RiskBadge level={ticket.riskLevel} />
        <Text className='ticket-cat'>{categoryLabel(ticket.category)}</Text>
        <StatusTag status={ticket.status} />
      </View>
      <Text className='ticket-text'>{firstLine(ticket.text, 70)}</Text>
      {reasons.length ? <Text className='ticket-reasons'>{`研判依据:${reasons.slice(0, 3).join(';')}`}</Text> : null}
      {ticket.color ? <Countdown ticket={ticket} now={now} /> : null}
      {ticket.status === 'submitted' && ticket.acceptDeadline ? <AcceptClock deadline={ticket.acceptDeadline} urgent={!!ticket.urgent} now={now} /> : null}
      <View className='ticket-meta'>
        <Text className='ticket-code'>{ticket.caseCode}</Text>
        <Text>{channelLabel(ticket.channel)}</Text>
        <Text>{ticket.address || (ticket.locationUnverified ? '位置待核实' : ticket.location ? '已定位' : '无位置')}</Text>
        <Text>{ageOf(ticket.createdAt, now)}</Text>
        {extra ? <Text className='ticket-extra'>{extra}</Text> : null}
      </View>
    </View>
  );
}

/** 受理 countdown of a ticket still waiting (1 hour for a crisis, 24 hours otherwise), from the server's deadline. */
export function AcceptClock({ deadline, urgent, now }: { deadline: string; urgent: boolean; now: Date }) {
  const left = new Date(deadline).getTime() - now.getTime();
  const text = left > 0 ? `受理剩余 ${formatSpan(left)}` : `受理已超时 ${formatSpan(left)}`;
  return (
    <Text className={`accept-clock${urgent || left <= 0 ? ' accept-clock--urgent' : ''}`} data-overdue={left <= 0 ? 'true' : 'false'}>
      {text}
    </Text>
  );
}
