import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

export const PRIVACY_PAGE = '/packages/auth/privacy/index';

export interface PrivacyConsentProps {
  onAgree: () => void;
  onDecline: () => void;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The first-open 隐私保护指引 sheet. In the weapp the 同意 button is WeChat's
 * `agreePrivacyAuthorization` button, so agreeing here also satisfies
 * WeChat's own privacy check for location and photos.
 */
export function PrivacyConsent({ onAgree, onDecline }: PrivacyConsentProps) {
  const agreeProps = isWeapp ? ({ openType: 'agreePrivacyAuthorization', onAgreePrivacyAuthorization: onAgree } as Record<string, unknown>) : {};
  return (
    <View className='privacy-mask' id='privacy-modal'>
      <View className='privacy-sheet'>
        <Text className='privacy-title'>隐私保护指引</Text>
        <Text className='privacy-text'>欢迎使用综治中心矛盾纠纷反映平台。为了受理和办理您反映的问题,我们会:</Text>
        <Text className='privacy-item'>· 使用您的手机号登录,并在办理时与您联系;</Text>
        <Text className='privacy-item'>· 在您同意后获取位置、使用照片,用于标注问题发生地点和现场情况;</Text>
        <Text className='privacy-item'>· 照片上传时去除拍摄信息,您的手机号不会向对方当事人公开;选择「匿名反映」后承办部门也看不到您的身份。</Text>
        <Text className='privacy-link' id='privacy-read' onClick={() => Taro.navigateTo({ url: PRIVACY_PAGE })}>
          查看完整《隐私保护指引》
        </Text>
        <Button id='privacy-agree' className='btn btn-primary btn-block privacy-agree' onClick={isWeapp ? undefined : onAgree} {...agreeProps}>
          同意并继续
        </Button>
        <Button id='privacy-decline' className='btn btn-secondary btn-block' onClick={onDecline}>
          不同意
        </Button>
      </View>
    </View>
  );
}
