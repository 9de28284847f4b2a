import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { CreateWalkInDto } from './dto';
import { WalkInsService } from './walk-ins.service';
import { Audited } from '../audit/audit.interceptor';

@ApiTags('walk-ins')
@ApiBearerAuth()
@Roles('dispatcher')
@Controller('walk-ins')
export class WalkInsController {
  constructor(private readonly walkIns: WalkInsService) {}

  @Post()
  @HttpCode(201)
  register(@CurrentUser() user: AuthUser, @Body() dto: CreateWalkInDto) {
    return this.walkIns.register(user, dto);
  }

  // The visitor's record is decrypted for this read (name in full; phone and ID number masked): audited.
  @Audited('pii.read', 'walk_in')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该来访登记') })) id: string) {
    return this.walkIns.get(user, id);
  }
}
