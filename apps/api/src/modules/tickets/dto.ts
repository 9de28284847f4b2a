import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CATEGORIES, RISK_LEVELS, STATUSES, type Category, type RiskLevel, type TicketStatus } from '@zongzhi/shared';

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '未知的状态' })
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: '未知的风险等级' })
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: '未知的类别' })
  category?: Category;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码须为正整数' })
  @Min(1, { message: '页码须为正整数' })
  page = 1;

  @ApiPropertyOptional({ default: 20, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数须为1到50的整数' })
  @Min(1, { message: '每页条数须为1到50的整数' })
  @Max(50, { message: '每页条数须为1到50的整数' })
  pageSize = 20;
}
