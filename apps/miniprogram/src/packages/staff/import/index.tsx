import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ImportResult } from '../../../services/staff.api';
import { uploadHotlineCsv } from '../../../services/staff-import';
import { STAFF_PAGES } from '../../../services/staff-home';
import '../staff.css';

const LABEL: Record<ImportResult['result'], string> = { created: '已立案', duplicate: '重复工单', rejected: '未导入' };
const isH5 = process.env.TARO_ENV === 'h5';

/** 12345 工单导入: upload the CSV export, see what became of each row. */
export default function ImportPage() {
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);

  const send = async (source: Blob | string, name?: string) => {
    setBusy(true);
    setError('');
    const r = await uploadHotlineCsv(source, name);
    setBusy(false);
    if (r.ok) setResults(r.data.results);
    else setError(r.errors.file || r.errors.orders || r.message);
  };

  const choose = async () => {
    if (isH5) {
      input.current?.click();
      return;
    }
    try {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
      await send(r.tempFiles[0].path);
    } catch {
      /* cancelled */
    }
  };

  const count = (k: ImportResult['result']) => (results || []).filter((r) => r.result === k).length;

  return (
    <View className='page staff-wide' id='import-page'>
      <View className='card'>
        <Text className='card-title'>导入12345工单</Text>
        <Text className='hint'>上传12345热线导出的 CSV 文件(UTF-8 或 GBK),每行一张工单:工单编号、诉求内容、来电号码、地址、受理时间。重复的工单编号不会重复立案。</Text>
        {error ? <Text className='form-error staff-gap' id='import-error'>{error}</Text> : null}
        <Button id='import-choose' className={`btn btn-primary btn-block staff-gap ${busy ? 'btn-busy' : ''}`} disabled={busy} onClick={choose}>
          {busy ? '正在导入…' : '选择文件并导入'}
        </Button>
        {isH5 ? (
          <input
            ref={input}
            id='import-file'
            type='file'
            accept='.csv,text/csv'
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (input.current) input.current.value = '';
              if (f) void send(f, f.name);
            }}
          />
        ) : null}
      </View>
      {results ? (
        <View className='card' id='import-results'>
          <Text className='card-title'>{`导入结果:立案 ${count('created')},重复 ${count('duplicate')},未导入 ${count('rejected')}`}</Text>
          {results.map((r, i) => (
            <View key={`${r.orderNo}-${i}`} className={`kv import-row import-row--${r.result}`} data-result={r.result}>
              <Text className='kv-k'>{r.orderNo || `第${i + 1}行`}</Text>
              <Text className='kv-v'>
                {LABEL[r.result]}
                {r.reason ? `:${r.reason}` : ''}
                {r.ticketId ? (
                  <Text className='staff-link' onClick={() => Taro.navigateTo({ url: `${STAFF_PAGES.ticket}?id=${r.ticketId}` })}>
                    查看
                  </Text>
                ) : null}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
