import { Body, Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientIp } from '../../common/client-ip';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { CreateReportDto, LookupQuery } from './dto';
import { parseIdempotencyKey, ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'UUID; 同一键重发返回同一案件' })
  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateReportDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { ticket, replayed } = await this.reports.create(user, dto, parseIdempotencyKey(key));
    void reply.status(replayed ? 200 : 201);
    return this.reports.present(ticket, user, replayed ? [ticket.id] : dto.photoIds);
  }

  @ApiBearerAuth()
  @Get('mine')
  mine(@CurrentUser() user: AuthUser) {
    return this.reports.mine(user);
  }

  @Public()
  @Get('lookup')
  lookup(@Query() q: LookupQuery, @Req() req: FastifyRequest) {
    return this.reports.lookup(q.caseCode, q.phone, clientIp(req));
  }
}
