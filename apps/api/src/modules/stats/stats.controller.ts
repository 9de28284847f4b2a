import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { StatsBreakdownQuery, StatsPeriodQuery, StatsScopeQuery } from './dto';
import { StatsService } from './stats.service';

/** 统计: the centre's figures, scoped to the caller's unit. */
@ApiTags('stats')
@ApiBearerAuth()
@Roles('leader', 'dispatcher', 'admin')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() q: StatsPeriodQuery) {
    return this.stats.summary(user, q);
  }

  @Get('breakdown')
  breakdown(@CurrentUser() user: AuthUser, @Query() q: StatsBreakdownQuery) {
    return this.stats.breakdown(user, q);
  }

  @Get('trend')
  trend(@CurrentUser() user: AuthUser, @Query() q: StatsPeriodQuery) {
    return this.stats.trend(user, q);
  }

  @Get('red-list')
  redList(@CurrentUser() user: AuthUser, @Query() q: StatsScopeQuery) {
    return this.stats.redList(user, q);
  }

  @Get('map')
  map(@CurrentUser() user: AuthUser, @Query() q: StatsPeriodQuery) {
    return this.stats.map(user, q);
  }

  /** Boundaries of the caller's district (street, community, grid) for the small maps on ticket pages; not sensitive, so any staff. */
  @Roles('leader', 'dispatcher', 'admin', 'handler', 'grid_worker')
  @Get('areas')
  areas(@CurrentUser() user: AuthUser) {
    return this.stats.areas(user);
  }

  @Get('units')
  units(@CurrentUser() user: AuthUser) {
    return this.stats.units(user);
  }
}
