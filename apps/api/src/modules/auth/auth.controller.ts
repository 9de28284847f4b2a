import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { clientIp } from '../../common/client-ip';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginDto, SmsSendDto, SmsVerifyDto, WechatLoginDto } from './dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.loginStaff(dto.username, dto.password);
  }

  @Public()
  @Post('sms/send')
  @HttpCode(200)
  sendSms(@Body() dto: SmsSendDto, @Req() req: FastifyRequest) {
    return this.auth.sendSmsCode(dto.phone, clientIp(req));
  }

  @Public()
  @Post('sms/verify')
  @HttpCode(200)
  verifySms(@Body() dto: SmsVerifyDto) {
    return this.auth.verifySmsCode(dto.phone, dto.code);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() dto: WechatLoginDto) {
    return this.auth.loginWechat(dto.code);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user.id);
  }
}
