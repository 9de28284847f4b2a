import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** `YYYY-MM-DD` (a day in China time) or a full ISO 8601 instant. */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export class StatsPeriodQuery {
  @ApiPropertyOptional({ description: '起 (含): YYYY-MM-DD (北京时间当日 0 点) 或 ISO 8601 时间; 默认 to 之前 30 天' })
  @IsOptional()
  @IsString({ message: '起始日期格式有误' })
  @Matches(DATE_OR_INSTANT, { message: '起始日期须为 YYYY-MM-DD 或 ISO 8601 时间' })
  from?: string;

  @ApiPropertyOptional({ description: '止: YYYY-MM-DD 表示含当日 (北京时间); ISO 8601 时间则不含该时刻; 默认今天' })
  @IsOptional()
  @IsString({ message: '截止日期格式有误' })
  @Matches(DATE_OR_INSTANT, { message: '截止日期须为 YYYY-MM-DD 或 ISO 8601 时间' })
  to?: string;

  @ApiPropertyOptional({ description: '只统计该单位 (及下级, 或位于其辖区) 的案件; 须在本人单位之内' })
  @IsOptional()
  @IsUUID('all', { message: '单位 id 格式有误' })
  unitId?: string;
}

export const BREAKDOWN_DIMENSIONS = ['category', 'riskLevel', 'street', 'community', 'grid', 'department', 'channel', 'unit'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export class StatsBreakdownQuery extends StatsPeriodQuery {
  @ApiPropertyOptional({ enum: BREAKDOWN_DIMENSIONS, default: 'category' })
  @IsOptional()
  @IsIn(BREAKDOWN_DIMENSIONS, { message: '未知的统计维度' })
  by: BreakdownDimension = 'category';
}

export class StatsScopeQuery {
  @ApiPropertyOptional({ description: '只看该单位; 须在本人单位之内' })
  @IsOptional()
  @IsUUID('all', { message: '单位 id 格式有误' })
  unitId?: string;
}
