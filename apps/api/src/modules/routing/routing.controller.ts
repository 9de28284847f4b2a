import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { PutRoutingRulesDto, RoutingRulesQuery } from './dto';
import { RoutingRulesService } from './routing-rules.service';
import { Audited } from '../audit/audit.interceptor';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/routing-rules')
export class RoutingController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Roles('admin', 'dispatcher', 'leader')
  @Get()
  get(@CurrentUser() user: AuthUser, @Query() q: RoutingRulesQuery) {
    return this.rules.view(user, q.districtId);
  }

  @Roles('admin')
  @Audited('admin.change', 'routing_rules')
  @Put()
  put(@CurrentUser() user: AuthUser, @Body() dto: PutRoutingRulesDto) {
    return this.rules.update(user, dto);
  }

  @Roles('admin')
  @Get('changes')
  changes(@CurrentUser() user: AuthUser) {
    return this.rules.history(user);
  }
}
