/**
 * Domain errors carry a stable code; the global filter maps codes to HTTP.
 * Services throw these, never HttpException.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'AUTH.UNAUTHENTICATED'
  | 'AUTH.BAD_CREDENTIALS'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.SMS_CODE_INVALID'
  | 'AUTH.SMS_CODE_EXPIRED'
  | 'AUTH.SMS_TOO_MANY_ATTEMPTS'
  | 'AUTH.WECHAT_FAILED'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'TICKET.ILLEGAL_TRANSITION'
  | 'TICKET.CONFLICT'
  | 'TICKET.NO_LEVEL_UP'
  | 'DOCUMENT.NOT_APPLICABLE'
  | 'PATROL.ALREADY_OPEN'
  | 'PATROL.CLOSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UPSTREAM_UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: Record<string, string>, message = '输入有误,请检查标出的字段') {
    super('VALIDATION', message, errors);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '未找到') {
    super('NOT_FOUND', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作') {
    super('AUTH.FORBIDDEN', message);
  }
}

/** The action is not in the table from the ticket's current status. */
export class IllegalTransitionError extends DomainError {
  constructor(message = '当前状态下不能执行该操作') {
    super('TICKET.ILLEGAL_TRANSITION', message);
  }
}

/** Someone else changed the ticket (or the request) first. */
export class ConflictError extends DomainError {
  constructor(message = '案件已被他人处理,请刷新后重试') {
    super('TICKET.CONFLICT', message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message = '操作过于频繁,请稍后再试',
    /** Sent as Retry-After (seconds) when known. */
    readonly retryAfterSeconds?: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'AUTH.SMS_CODE_INVALID':
    case 'AUTH.SMS_CODE_EXPIRED':
      return 400;
    case 'AUTH.UNAUTHENTICATED':
    case 'AUTH.BAD_CREDENTIALS':
    case 'AUTH.WECHAT_FAILED':
      return 401;
    case 'AUTH.FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'TICKET.ILLEGAL_TRANSITION':
    case 'TICKET.CONFLICT':
    case 'TICKET.NO_LEVEL_UP':
    case 'DOCUMENT.NOT_APPLICABLE':
    case 'PATROL.ALREADY_OPEN':
    case 'PATROL.CLOSED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'AUTH.SMS_TOO_MANY_ATTEMPTS':
    case 'RATE_LIMITED':
      return 429;
    case 'UPSTREAM_UNAVAILABLE':
      return 502;
  }
}
