import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageNumber, PageSize } from '../../common/paging';
import {
  CATEGORIES,
  CHANNELS,
  COLORS,
  RISK_LEVELS,
  STATUSES,
  type Category,
  type Channel,
  type DeadlineColor,
  type RiskLevel,
  type TicketStatus,
} from '@zongzhi/shared';

export const TICKET_SORTS = ['newest', 'urgent'] as const;

/** Query strings carry text: only `true`/`false` become booleans, anything else stays as sent and fails `@IsBoolean`. */
const strictBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

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

  @ApiPropertyOptional({ enum: COLORS, description: '红黄蓝预警 (only open dispatched tickets have a colour)' })
  @IsOptional()
  @IsIn(COLORS, { message: '未知的预警颜色' })
  color?: DeadlineColor;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: '未知的渠道' })
  channel?: Channel;

  @ApiPropertyOptional({ description: '单位 id: 该单位及下级的队列, 或位于该单位辖区' })
  @IsOptional()
  @IsUUID('all', { message: '单位 id 格式有误' })
  unitId?: string;

  @ApiPropertyOptional({ description: '部门 id (牵头或协办)' })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式有误' })
  departmentId?: string;

  @ApiPropertyOptional({ description: '提交时间起 (含), ISO 8601' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '起始时间须为 ISO 8601 时间' })
  from?: Date;

  @ApiPropertyOptional({ description: '提交时间止 (不含), ISO 8601' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '截止时间须为 ISO 8601 时间' })
  to?: Date;

  @ApiPropertyOptional({ description: '搜索: 反映内容或案件编码', maxLength: 100 })
  @IsOptional()
  @IsString({ message: '搜索词须为文字' })
  @MaxLength(100, { message: '搜索词不能超过100字' })
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: '被退回: true 只列部门退回的案件 (最近一次改变状态的操作是退回), false 排除它们' })
  @IsOptional()
  @Transform(strictBoolean)
  @IsBoolean({ message: '被退回筛选只能是 true 或 false' })
  returned?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: '紧急 (危机干预): true 只列疑似自伤/自杀风险的紧急案件, false 排除它们' })
  @IsOptional()
  @Transform(strictBoolean)
  @IsBoolean({ message: '紧急筛选只能是 true 或 false' })
  urgent?: boolean;

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: 'newest', description: 'urgent: 待受理的紧急案件最先, 再高风险优先, 再红/黄优先, 再期限最早' })
  @IsOptional()
  @IsIn(TICKET_SORTS, { message: '排序只能是 newest 或 urgent' })
  sort?: (typeof TICKET_SORTS)[number];

  @PageNumber()
  page = 1;

  @PageSize(50, 20)
  pageSize = 20;
}
