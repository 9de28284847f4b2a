import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { PatrolDayQuery, PatrolEntryDto, PatrolNoteDto } from './dto';
import { PatrolViews } from './patrol-views.service';
import { PatrolsService } from './patrols.service';

const patrolId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该巡查') });

@ApiTags('patrols')
@ApiBearerAuth()
@Controller('patrols')
export class PatrolsController {
  constructor(
    private readonly patrols: PatrolsService,
    private readonly views: PatrolViews,
  ) {}

  @Roles('grid_worker')
  @Post()
  @HttpCode(201)
  start(@CurrentUser() user: AuthUser, @Body() dto: PatrolNoteDto) {
    return this.patrols.start(user, dto.note);
  }

  @Roles('grid_worker')
  @Post(':id/entries')
  @HttpCode(201)
  addEntry(@CurrentUser() user: AuthUser, @Param('id', patrolId) id: string, @Body() dto: PatrolEntryDto) {
    return this.patrols.addEntry(user, id, dto);
  }

  @Roles('grid_worker')
  @Post(':id/finish')
  @HttpCode(200)
  finish(@CurrentUser() user: AuthUser, @Param('id', patrolId) id: string, @Body() dto: PatrolNoteDto) {
    return this.patrols.finish(user, id, dto.note);
  }

  /** The day view (北京时间): a grid worker's own patrols, or for supervisors every grid worker's in their unit. */
  @Roles('grid_worker', 'dispatcher', 'leader', 'admin')
  @Get()
  day(@CurrentUser() user: AuthUser, @Query() q: PatrolDayQuery) {
    return this.views.day(user, q.date, q.workerId);
  }

  @Roles('grid_worker', 'dispatcher', 'leader', 'admin')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', patrolId) id: string) {
    return this.views.get(user, id);
  }
}
