import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from '../../common/errors';
import { PHOTO_LIMITS } from './photo-processor';

const LIMITS = { fileSize: PHOTO_LIMITS.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 8, headerPairs: 50 };

/** Lets Fastify accept multipart bodies; parts are only read by the routes that ask. */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyMultipart as never, { limits: LIMITS });
}

const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', '照片不能超过 10 MB', { file: '照片不能超过 10 MB' });

/**
 * The bytes of the one file in field `file`, at most 10 MB. The part's file
 * name and declared type are ignored: the content decides what it is.
 */
export async function readSingleFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片', { file: '请以 multipart/form-data 上传照片' });
  }
  // Refuse an obviously oversized body before reading a byte of it (1 MB allowance for the multipart framing).
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > PHOTO_LIMITS.maxBytes + 1024 * 1024) throw tooLarge();
  let part;
  try {
    part = await req.file({ limits: LIMITS });
  } catch (e) {
    throw mapMultipartError(e);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new ValidationError({ file: '请选择要上传的照片' });
  }
  try {
    return await part.toBuffer();
  } catch (e) {
    throw mapMultipartError(e);
  }
}

function mapMultipartError(e: unknown): DomainError {
  const code = (e as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ValidationError({ file: '一次只能上传一张照片' });
  }
  return new ValidationError({ file: '上传内容格式有误,请重试' });
}
