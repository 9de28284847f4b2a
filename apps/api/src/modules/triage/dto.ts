import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CHANNELS, type Channel } from '@zongzhi/shared';

export const TEXT_MAX = 2000;

/** The text rules shared by every route that takes a report's words. */
export function ReportText(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: '请填写反映内容' })(target, key);
    Matches(/\S/, { message: '请填写反映内容' })(target, key);
    MaxLength(TEXT_MAX, { message: `反映内容不能超过${TEXT_MAX}字` })(target, key);
  };
}

export class TriageDto {
  @ApiProperty({ maxLength: TEXT_MAX, example: '老板拖欠我们二十多个工人工资三个月了,说再不给就去堵路' })
  @ReportText()
  text: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: '未知的渠道' })
  channel?: Channel;
}
