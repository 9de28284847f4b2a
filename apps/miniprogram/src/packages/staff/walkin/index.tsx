import { CrisisCard } from '../../../components/crisis-card';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isValidPhone } from '@zongzhi/shared';
import { useState } from 'react';
import type { FieldErrors } from '../../../services/request';
import { registerWalkIn, type WalkInCreated } from '../../../services/staff.api';
import { STAFF_PAGES } from '../../../services/staff-home';
import '../staff.css';

/** 来访登记: the counter registers a visitor; the case is accepted at once and gets its code. */
export default function WalkInPage() {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [text, setText] = useState('');
  const [parties, setParties] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<WalkInCreated | null>(null);

  const submit = async () => {
    if (busy) return;
    const found: FieldErrors = {};
    if (!name.trim()) found.visitorName = '请填写来访人姓名';
    if (!isValidPhone(phone)) found.phone = '请输入正确的11位手机号';
    if (!/^\d{17}[\dXx]$/.test(idNumber.trim())) found.idNumber = '身份证号码应为18位';
    if (text.trim().length < 5) found.text = '请填写反映事项(至少5个字)';
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await registerWalkIn({
      visitorName: name.trim(),
      phone,
      idNumber: idNumber.trim().toUpperCase(),
      text: text.trim(),
      ...(parties.trim() ? { parties: parties.split(/[,,、\n]/).map((s) => s.trim()).filter(Boolean) } : {}),
    });
    setBusy(false);
    if (r.ok) setDone(r.data);
    else {
      setErrors(r.errors);
      setFormError(r.message);
    }
  };

  if (done) {
    return (
      <View className='page staff-wide'>
        {done.ticket.urgent ? <CrisisCard notice={done.ticket.crisis} audience='staff' /> : null}
        <View className='card' id='walkin-done'>
          <Text className='card-title'>登记成功,已当场受理</Text>
          <View className='kv'><Text className='kv-k'>案件编码</Text><Text className='kv-v case-code' id='walkin-case-code'>{done.ticket.caseCode}</Text></View>
          <View className='kv'><Text className='kv-k'>来访人</Text><Text className='kv-v' id='walkin-visitor-name'>{done.visitor.name}</Text></View>
          <View className='kv'><Text className='kv-k'>手机号</Text><Text className='kv-v' id='walkin-visitor-phone'>{done.visitor.phone}</Text></View>
          <View className='kv'><Text className='kv-k'>身份证号码</Text><Text className='kv-v' id='walkin-visitor-id'>{done.visitor.idNumber}</Text></View>
          <Button className='btn btn-primary btn-block staff-gap' onClick={() => Taro.redirectTo({ url: `${STAFF_PAGES.ticket}?id=${done.ticket.id}` })}>
            查看并交办
          </Button>
        </View>
      </View>
    );
  }

  const field = (key: string, label: string, node: JSX.Element) => (
    <View className='field'>
      <Text className='label'>{label}</Text>
      {node}
      {errors[key] ? <Text className='error-text' id={`walkin-${key}-error`}>{errors[key]}</Text> : null}
    </View>
  );

  return (
    <View className='page staff-wide'>
      <View className='card'>
        <Text className='card-title'>来访登记</Text>
        {formError ? <Text className='form-error' id='walkin-error'>{formError}</Text> : null}
        {field('visitorName', '来访人姓名', <Input id='walkin-name' className='input' value={name} maxlength={50} onInput={(e) => setName(e.detail.value)} />)}
        {field('phone', '手机号', <Input id='walkin-phone' className='input' type='number' maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} />)}
        {field('idNumber', '身份证号码', <Input id='walkin-id' className='input' type='idcard' maxlength={18} value={idNumber} onInput={(e) => setIdNumber(e.detail.value)} />)}
        {field('text', '反映事项', <Textarea id='walkin-text' className='input textarea action-textarea' maxlength={2000} value={text} onInput={(e) => setText(e.detail.value)} />)}
        {field('parties', '涉及人员(选填,用逗号分隔)', <Input id='walkin-parties' className='input' value={parties} onInput={(e) => setParties(e.detail.value)} />)}
        <Button id='walkin-submit' className={`btn btn-primary btn-block ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={submit}>
          登记并受理
        </Button>
      </View>
    </View>
  );
}
