import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { NotFoundError } from '../../common/errors';
import { DOCUMENT_KINDS } from './document-templates';
import { DocumentsService } from './documents.service';
import { Audited } from '../audit/audit.interceptor';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('tickets/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /**
   * Print-ready A4 HTML. Headers are set only on success (errors stay JSON);
   * the CSP forbids scripts outright, a second wall behind escaping.
   */
  @Audited('export', 'document')
  @Get(':kind')
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiProduces('text/html')
  async render(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('未找到该文书') })) id: string,
    @Param('kind') kind: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const html = await this.documents.render(user, id, kind);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return html;
  }
}
