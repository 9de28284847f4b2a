import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

const EMERGENCY_NUMBERS = [
  { number: '110', label: '报警' },
  { number: '119', label: '火警' },
  { number: '120', label: '急救' },
];

function call(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

export default function IndexPage() {
  return (
    <View className='page home'>
      <View className='home-hero'>
        <Text className='home-title'>有矛盾纠纷,找综治中心</Text>
        <Text className='home-subtitle'>邻里、欠薪、物业、家庭等矛盾纠纷和安全隐患,都可以在这里反映</Text>
      </View>

      <Button
        className='btn btn-primary btn-block home-report'
        id='home-report'
        onClick={() => Taro.switchTab({ url: '/pages/report/index' })}
      >
        我要反映
      </Button>

      <Button
        className='btn btn-secondary btn-block home-lookup'
        id='home-lookup'
        onClick={() => Taro.navigateTo({ url: '/packages/case/lookup/index' })}
      >
        查询案件
      </Button>
      <Text className='hint home-lookup-hint'>凭案件编码和手机号即可查询办理进度,无需登录</Text>

      <View className='card home-emergency' id='home-emergency'>
        <Text className='home-emergency-title'>紧急情况请立即拨打电话</Text>
        <Text className='home-emergency-text'>
          正在发生的违法犯罪、火灾、人身伤害等紧急情况,请直接拨打 110 / 119 / 120,不要通过本平台反映。
        </Text>
        <View className='home-emergency-row'>
          {EMERGENCY_NUMBERS.map((item) => (
            <Button
              key={item.number}
              className='btn home-call'
              id={`call-${item.number}`}
              onClick={() => call(item.number)}
            >
              {`${item.number} ${item.label}`}
            </Button>
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='card-title'>办理流程</Text>
        <Text className='home-step'>1. 提交反映,获得案件编码</Text>
        <Text className='home-step'>2. 综治中心受理并交办相关部门</Text>
        <Text className='home-step'>3. 部门办理并反馈结果</Text>
        <Text className='home-step'>4. 您对办理结果进行评价</Text>
      </View>
    </View>
  );
}
