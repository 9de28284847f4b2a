import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { ListTicketsQuery } from './dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListTicketsQuery) {
    return this.tickets.list(user, q);
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    // A malformed id cannot name anyone's ticket: 404 like any other miss.
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该案件') })) id: string,
  ) {
    return this.tickets.getForViewer(id, user);
  }
}
