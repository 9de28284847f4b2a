import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors';
import { readSingleFile } from './multipart';
import { PHOTO_URL_TTL_SECONDS } from './photo-url.signer';
import { UploadsService } from './uploads.service';

const asString = (v: unknown) => (typeof v === 'string' ? v : '');

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @Post()
  @HttpCode(201)
  async upload(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    return this.uploads.upload(user, await readSingleFile(req));
  }

  /** Public by design: the HMAC signature in the query is the permission, so `<image src>` needs no header. */
  @Public()
  @ApiQuery({ name: 'variant', enum: ['full', 'thumb'] })
  @ApiQuery({ name: 'exp' })
  @ApiQuery({ name: 'sig' })
  @Get(':id/file')
  async file(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new DomainError('NOT_FOUND', '照片不存在') })) id: string,
    @Query() q: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const data = await this.uploads.openSigned(id, asString(q.variant), asString(q.exp), asString(q.sig));
    await reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', `private, max-age=${PHOTO_URL_TTL_SECONDS}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .send(data);
  }
}
