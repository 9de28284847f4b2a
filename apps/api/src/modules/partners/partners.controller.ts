import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { Audited } from '../audit/audit.interceptor';
import { CreatePartnerDto } from './dto';
import { PartnersService } from './partners.service';

/** Admin: partner systems (12345, 110, departments, dashboards) and their Open311 API keys. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  /** Issues a key; the answer is the only time the key is shown. */
  @Post()
  @Audited('admin.change', 'partner')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePartnerDto) {
    return this.partners.issue(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.partners.list(user);
  }

  /** Revokes the key at once; the partner's cases stay. */
  @Delete(':id')
  @HttpCode(200)
  @Audited('admin.change', 'partner')
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该对接系统') })) id: string,
  ) {
    return this.partners.revoke(user, id);
  }
}
