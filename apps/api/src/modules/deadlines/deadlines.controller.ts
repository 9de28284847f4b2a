import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError, ValidationError } from '../../common/errors';
import { CreateExtensionRequestDto, ExtensionDecisionDto, ListExtensionRequestsQuery, ListSupervisionNoticesQuery, PutTimeLimitsDto } from './dto';
import { ExtensionRequestsService } from './extension-requests.service';
import { SupervisionService } from './supervision.service';
import { TimeLimitsService } from './time-limits.service';
import { Audited } from '../audit/audit.interceptor';

const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError(`未找到该${what}`) });

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly limits: TimeLimitsService,
    private readonly extensions: ExtensionRequestsService,
    private readonly supervision: SupervisionService,
  ) {}

  @Roles('admin', 'dispatcher', 'leader')
  @Get('admin/time-limits')
  getLimits() {
    return this.limits.view();
  }

  @Roles('admin')
  @Audited('admin.change', 'time_limits')
  @Put('admin/time-limits')
  putLimits(@CurrentUser() user: AuthUser, @Body() dto: PutTimeLimitsDto) {
    return this.limits.replace(user, dto);
  }

  @Roles('admin')
  @Get('admin/time-limits/changes')
  limitChanges() {
    return this.limits.changes();
  }

  @Roles('handler')
  @Post('tickets/:id/extension-requests')
  requestExtension(@CurrentUser() user: AuthUser, @Param('id', uuid('案件')) id: string, @Body() dto: CreateExtensionRequestDto) {
    return this.extensions.request(user, id, dto);
  }

  @Roles('dispatcher', 'handler', 'leader')
  @Post('tickets/:id/extension-requests/:rid/decision')
  decide(@CurrentUser() user: AuthUser, @Param('id', uuid('案件')) id: string, @Param('rid', uuid('延期申请')) rid: string, @Body() dto: ExtensionDecisionDto) {
    return this.extensions.decide(user, id, rid, dto);
  }

  @Roles('dispatcher', 'handler', 'leader')
  @Get('extension-requests')
  listExtensions(@CurrentUser() user: AuthUser, @Query() q: ListExtensionRequestsQuery) {
    return this.extensions.list(user, q.status);
  }

  @Roles('dispatcher', 'handler', 'leader', 'admin')
  @Get('supervision-notices')
  notices(@CurrentUser() user: AuthUser, @Query() q: ListSupervisionNoticesQuery) {
    return this.supervision.listFor(user, { unread: q.unread });
  }

  // No @Roles: who may mark it is a per-notice question (the addressed department), answered
  // by the service with 404 for anyone who cannot see the notice, residents included.
  @Post('supervision-notices/:id/read')
  @HttpCode(200)
  readNotice(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ValidationError({ id: '督办单编号格式有误' }) })) id: string) {
    return this.supervision.markRead(user, id);
  }
}
