import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, httpStatusOf, RateLimitedError } from './errors';

/** The one place where errors become HTTP: `{code, message, errors?}`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (exception instanceof RateLimitedError && exception.retryAfterSeconds) void reply.header('retry-after', String(Math.max(1, exception.retryAfterSeconds)));
    // Errors are JSON even when the handler had already set another type (a document's text/html) before failing.
    void reply.header('content-type', 'application/json; charset=utf-8').status(status).send(body);
  }

  private toResponse(e: unknown): { status: number; body: Record<string, unknown> } {
    if (e instanceof DomainError) {
      return { status: httpStatusOf(e.code), body: { code: e.code, message: e.message, ...(e.errors ? { errors: e.errors } : {}) } };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const body: Record<string, unknown> = { code: codeForStatus(status), message: messageForStatus(status) };
      // Our own validation never throws HttpException; a bare 400 here is a body that did not parse.
      if (status === 400) body.errors = { body: '请求体不是有效的 JSON' };
      return { status, body };
    }
    // Fastify's own errors (body too large, bad JSON, bad content type) carry statusCode.
    const fastifyStatus = (e as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const body: Record<string, unknown> = { code: codeForStatus(fastifyStatus), message: messageForStatus(fastifyStatus) };
      const fieldErrors = (e as { fieldErrors?: Record<string, string> }).fieldErrors;
      if (fieldErrors) body.errors = fieldErrors;
      else if (fastifyStatus === 400) body.errors = { body: '请求体不是有效的 JSON' };
      return { status: fastifyStatus, body };
    }
    return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误,请稍后再试' } };
  }
}

function codeForStatus(status: number): string {
  return (
    { 400: 'VALIDATION', 401: 'AUTH.UNAUTHENTICATED', 403: 'AUTH.FORBIDDEN', 404: 'NOT_FOUND', 405: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' }[status] ??
    'HTTP_' + status
  );
}

function messageForStatus(status: number): string {
  return (
    {
      400: '请求格式有误',
      401: '请先登录',
      403: '无权执行此操作',
      404: '未找到',
      405: '未找到',
      413: '内容过大',
      415: '不支持的内容类型',
      429: '操作过于频繁,请稍后再试',
    }[status] ?? '请求失败'
  );
}
