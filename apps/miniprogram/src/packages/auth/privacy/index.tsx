import { Text, View } from '@tarojs/components';
import { usePageClass } from '../../../services/display';
import './index.css';

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '一、我们收集哪些信息',
    body: [
      '手机号:用于登录、接收验证码,以及工作人员办理时与您联系。',
      '反映内容、照片和地点:用于受理、交办和办理您反映的问题。照片上传时会去除拍摄时间、设备和位置等附加信息。',
      '位置:仅在您点击「使用当前位置」或选择地图位置时获取,不会在后台持续定位。',
    ],
  },
  {
    title: '二、我们如何使用和共享',
    body: [
      '您的反映只交给负责办理的综治中心和承办部门。',
      '您的手机号不会向对方当事人公开;工作人员看到的是部分隐藏的号码。',
      '选择「匿名反映」后,承办部门看不到您的姓名和手机号,公开查询中也不显示。',
    ],
  },
  {
    title: '三、保存和删除',
    body: ['案件材料按档案管理规定保存。未提交的草稿只保存在您的手机上,您可以随时丢弃。'],
  },
  {
    title: '四、您的权利',
    body: ['您可以查询、更正您提交的信息,也可以撤回对定位、相册的授权(在手机系统设置中)。如有疑问,可到所在街道综治中心咨询。'],
  },
];

export default function PrivacyGuidePage() {
  const pageClass = usePageClass();
  return (
    <View className={pageClass} id='privacy-guide'>
      <View className='card'>
        <Text className='card-title'>隐私保护指引</Text>
        {SECTIONS.map((s) => (
          <View key={s.title} className='privacy-section'>
            <Text className='privacy-section-title'>{s.title}</Text>
            {s.body.map((p) => (
              <Text key={p} className='privacy-section-text'>
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
