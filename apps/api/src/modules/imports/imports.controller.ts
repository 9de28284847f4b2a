import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ordersFromCsvUpload } from './csv-upload';
import { HotlineImportService } from './hotline-import.service';
import { Audited } from '../audit/audit.interceptor';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly hotline: HotlineImportService) {}

  /** JSON `{orders:[…]}` or a CSV upload (multipart field `file`, UTF-8 or GBK); rows are checked one by one in the service. */
  @Roles('dispatcher')
  @Audited('data.import', 'hotline_orders')
  @Post('hotline')
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { orders: { type: 'array', items: { type: 'object' } }, file: { type: 'string', format: 'binary' } } } })
  async importHotline(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    const body = req.isMultipart() ? { orders: await ordersFromCsvUpload(req) } : req.body;
    return this.hotline.importBatch(user, HotlineImportService.ordersOf(body));
  }
}
