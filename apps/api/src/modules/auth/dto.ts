import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { PHONE_PATTERN } from '@zongzhi/shared';

export class LoginDto {
  @ApiProperty({ example: 'dispatcher' })
  @IsString({ message: '请输入用户名' })
  @MinLength(1, { message: '请输入用户名' })
  @MaxLength(64, { message: '用户名过长' })
  username: string;

  @ApiProperty({ example: 'demo1234' })
  @IsString({ message: '请输入密码' })
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

export class SmsSendDto {
  @ApiProperty({ example: '13800138000' })
  @IsString({ message: '请输入手机号' })
  @Matches(PHONE_PATTERN, { message: '手机号格式不正确' })
  phone: string;
}

export class SmsVerifyDto extends SmsSendDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: '请输入验证码' })
  @Length(6, 6, { message: '验证码为6位数字' })
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code: string;
}

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString({ message: '缺少微信登录凭证' })
  @MinLength(1, { message: '缺少微信登录凭证' })
  @MaxLength(128, { message: '微信登录凭证过长' })
  code: string;
}

export class RefreshDto {
  @ApiProperty({ description: '登录或上次刷新返回的 refreshToken' })
  @IsString({ message: '缺少刷新凭证' })
  @MinLength(16, { message: '刷新凭证无效' })
  @MaxLength(128, { message: '刷新凭证无效' })
  refreshToken: string;
}
