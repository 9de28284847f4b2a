import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getDuty, setDuty, type DutyState } from '../../services/staff.api';

/** 值班 on/off in the dispatcher's header: on duty, crisis reports also arrive by SMS. */
export function DutyToggle() {
  const [duty, setState] = useState<DutyState | null>(null);
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    getDuty().then((r) => r.ok && setState(r.data));
  });

  const toggle = async () => {
    if (!duty || busy) return;
    setBusy(true);
    const r = await setDuty(!duty.onDuty);
    setBusy(false);
    if (r.ok) {
      setState(r.data);
      const tip = r.data.onDuty ? (r.data.hasPhone ? '已开始值班,紧急案件将短信通知您' : '已开始值班;账号未登记手机号,收不到短信') : '已结束值班';
      Taro.showToast({ title: tip, icon: 'none' }).catch(() => undefined);
    } else Taro.showToast({ title: r.message, icon: 'none' }).catch(() => undefined);
  };

  if (!duty) return null;
  return (
    <Text className={`staff-link duty-toggle${duty.onDuty ? ' duty-toggle--on' : ''}`} id='duty-toggle' data-on={duty.onDuty ? 'true' : 'false'} onClick={() => void toggle()}>
      {duty.onDuty ? '值班中' : '未值班'}
    </Text>
  );
}
