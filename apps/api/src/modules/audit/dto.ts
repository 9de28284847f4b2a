import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageNumber, PageSize } from '../../common/paging';
import { AUDIT_ACTIONS } from './audit.service';

export class AuditLogQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: '操作类型无效' })
  action?: string;

  @ApiPropertyOptional({ description: '操作人账号 id' })
  @IsOptional()
  @IsString({ message: '操作人无效' })
  @MaxLength(36, { message: '操作人无效' })
  actorId?: string;

  @ApiPropertyOptional({ description: '来源 IP' })
  @IsOptional()
  @IsString({ message: 'IP 无效' })
  @MaxLength(64, { message: 'IP 无效' })
  ip?: string;

  @ApiPropertyOptional({ description: '对象 id(案件、账号等)' })
  @IsOptional()
  @IsString({ message: '对象无效' })
  @MaxLength(64, { message: '对象无效' })
  targetId?: string;

  @ApiPropertyOptional({ description: '起始时间 (ISO 8601, 含)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '起始时间格式不正确' })
  from?: Date;

  @ApiPropertyOptional({ description: '截止时间 (ISO 8601, 不含)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '截止时间格式不正确' })
  to?: Date;

  @PageNumber()
  page = 1;

  @PageSize(200, 50)
  pageSize = 50;
}
