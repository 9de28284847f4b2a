import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CRISIS_HOTLINES, CRISIS_TEXT, type Hotline } from '@zongzhi/shared';
import './index.css';

export interface CrisisCardProps {
  /** The server's notice; without one, the shared wording for `audience`. */
  notice?: { title: string; body: string; hotlines: readonly Hotline[] } | null;
  audience?: 'resident' | 'staff';
}

function call(number: string) {
  Taro.makePhoneCall({ phoneNumber: number }).catch(() => {
    // H5 without a phone, or the user cancelled: the number stays on screen to dial by hand.
  });
}

/**
 * The crisis answer (self_harm): shown before anything else, calm and plain,
 * with the national psychological assistance line and 110/120 one tap away.
 */
export function CrisisCard({ notice, audience = 'resident' }: CrisisCardProps) {
  const text = notice ?? { ...CRISIS_TEXT[audience], hotlines: CRISIS_HOTLINES };
  return (
    <View className='crisis-card' id='crisis-card' role='alert'>
      <Text className='crisis-title'>{text.title}</Text>
      <Text className='crisis-body'>{text.body}</Text>
      <View className='crisis-lines'>
        {text.hotlines.map((h) => (
          <Button key={h.number} className='crisis-line' data-number={h.number} onClick={() => call(h.number)}>
            <Text className='crisis-number'>{h.number}</Text>
            <Text className='crisis-label'>{h.label}</Text>
          </Button>
        ))}
      </View>
    </View>
  );
}
