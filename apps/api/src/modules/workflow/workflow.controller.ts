import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { TicketsService } from '../tickets/tickets.service';
import { TicketActionDto, TriageOverrideDto } from './dto';
import { TicketStateMachine } from './ticket-state-machine';
import { TriageOverrideService } from './triage-override.service';
import { Audited } from '../audit/audit.interceptor';

const ticketId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该案件') });

@ApiTags('tickets')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly machine: TicketStateMachine,
    private readonly tickets: TicketsService,
    private readonly overrides: TriageOverrideService,
  ) {}

  /** Applies one action and answers with the updated ticket (history and allowedActions included). */
  @Post('tickets/:id/actions')
  @HttpCode(200)
  async act(@CurrentUser() user: AuthUser, @Param('id', ticketId) id: string, @Body() dto: TicketActionDto) {
    const { action, ...payload } = dto;
    return this.tickets.present(await this.machine.apply(id, action, user, payload), user);
  }

  @Roles('dispatcher')
  @Post('tickets/:id/triage-override')
  @HttpCode(200)
  override(@CurrentUser() user: AuthUser, @Param('id', ticketId) id: string, @Body() dto: TriageOverrideDto) {
    return this.overrides.override(user, id, dto);
  }

  @Roles('dispatcher', 'leader', 'admin')
  @Audited('export', 'triage_overrides')
  @Get('triage/overrides.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="triage-overrides.csv"')
  exportOverrides(@CurrentUser() user: AuthUser) {
    return this.overrides.exportCsv(user);
  }
}
