import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The bound every list shares: deep pages are refused with 400 naming `page`, never a 500 or a full scan. */
export const MAX_PAGE = 10_000;

/** `page`: 1 to MAX_PAGE, from the query string. */
export function PageNumber() {
  const message = `页码须为1到${MAX_PAGE}的整数`;
  return applyDecorators(
    ApiPropertyOptional({ default: 1, maximum: MAX_PAGE }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message }),
    Min(1, { message }),
    Max(MAX_PAGE, { message }),
  );
}

/** `pageSize`: 1 to `max` (each list chooses its own), from the query string. */
export function PageSize(max: number, dflt: number) {
  const message = `每页条数须为1到${max}的整数`;
  return applyDecorators(ApiPropertyOptional({ default: dflt, maximum: max }), IsOptional(), Type(() => Number), IsInt({ message }), Min(1, { message }), Max(max, { message }));
}
