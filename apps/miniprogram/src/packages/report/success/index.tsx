import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { CATEGORY_LABELS, type Category } from '@zongzhi/shared';
import { useState } from 'react';
import './index.css';

const NEXT_STEPS = [
  '综治中心将在24小时内受理,紧急、重大事项会优先处理',
  '受理后交由相关部门办理,办理进度可在「我的」中查看',
  '凭案件编码和手机号,也可在首页「查询案件」中查询',
  '办结后请您对办理结果进行评价',
];

export default function ReportSuccessPage() {
  const [caseCode, setCaseCode] = useState('');
  const [ticketId, setTicketId] = useState('');
  const [category, setCategory] = useState<Category | ''>('');

  useLoad((params: Record<string, string | undefined>) => {
    setCaseCode(decodeURIComponent(params.caseCode || ''));
    setTicketId(decodeURIComponent(params.id || ''));
    const c = params.category as Category | undefined;
    if (c && CATEGORY_LABELS[c]) setCategory(c);
  });

  const copy = () => {
    Taro.setClipboardData({ data: caseCode }).catch(() => undefined);
  };

  return (
    <View className='page'>
      <View className='card success-card'>
        <Text className='success-title'>提交成功</Text>
        <Text className='muted'>您的案件编码</Text>
        <Text className='success-code' id='case-code' userSelect>
          {caseCode}
        </Text>
        <Text className='hint'>请记下或复制此编码,查询进度时需要用到</Text>
        <Button className='btn btn-secondary success-copy' id='case-code-copy' onClick={copy}>
          复制案件编码
        </Button>
        {category ? <Text className='success-category'>{`初步分类:${CATEGORY_LABELS[category]}`}</Text> : null}
      </View>

      <View className='card'>
        <Text className='card-title'>接下来</Text>
        {NEXT_STEPS.map((step, i) => (
          <Text className='success-step' key={step}>{`${i + 1}. ${step}`}</Text>
        ))}
      </View>

      {ticketId ? (
        <Button
          className='btn btn-primary btn-block success-action'
          onClick={() => Taro.redirectTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(ticketId)}` })}
        >
          查看办理进度
        </Button>
      ) : null}
      <Button className='btn btn-secondary btn-block success-action' onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </View>
  );
}
