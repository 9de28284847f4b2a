import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { clientIp } from '../../common/client-ip';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, SmsSendDto, SmsVerifyDto, WechatLoginDto } from './dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest) {
    return this.auth.loginStaff(dto.username, dto.password, clientIp(req));
  }

  /** A new access token and a new refresh token for a refresh token (which is used up). */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest) {
    return this.auth.refresh(dto.refreshToken, clientIp(req));
  }

  /** Ends this login: its access token and refresh tokens stop working. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(200)
  logout(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    return this.auth.logout(user, clientIp(req));
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
  verifySms(@Body() dto: SmsVerifyDto, @Req() req: FastifyRequest) {
    return this.auth.verifySmsCode(dto.phone, dto.code, clientIp(req));
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  wechat(@Body() dto: WechatLoginDto, @Req() req: FastifyRequest) {
    return this.auth.loginWechat(dto.code, clientIp(req));
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user.id);
  }
}
