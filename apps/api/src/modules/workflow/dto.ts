import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ACTIONS,
  CATEGORIES,
  DEPARTMENTS,
  OUTCOMES,
  RETURN_VISIT_METHODS,
  RISK_LEVELS,
  SATISFACTIONS,
  type Category,
  type Department,
  type Outcome,
  type ReturnVisitMethod,
  type RiskLevel,
  type Satisfaction,
  type TicketAction,
} from '@zongzhi/shared';
import { NOTE_VISIBILITIES, type NoteVisibility } from '../tickets/ticket-history.entity';

export class TicketActionDto {
  @ApiProperty({ enum: ACTIONS })
  @IsIn(ACTIONS, { message: '未知的操作' })
  action: TicketAction;

  @ApiPropertyOptional({ description: '说明/理由 (退回、上报、不予受理、补充、回访内容、未化解原因)', maxLength: 2000 })
  @IsOptional()
  @IsString({ message: '说明须为文字' })
  @MaxLength(2000, { message: '说明不能超过2000字' })
  note?: string;

  @ApiPropertyOptional({ enum: NOTE_VISIBILITIES, description: '说明给谁看: public 群众可见, internal 仅工作人员 (交办意见、内部补充默认 internal)' })
  @IsOptional()
  @IsIn(NOTE_VISIBILITIES, { message: '说明的可见范围须为 public 或 internal' })
  visibility?: NoteVisibility;

  @ApiPropertyOptional({ description: '不予受理时给群众的指引 (如 引导诉讼)', maxLength: 500 })
  @IsOptional()
  @IsString({ message: '指引须为文字' })
  @MaxLength(500, { message: '指引不能超过500字' })
  guidance?: string;

  @ApiPropertyOptional({ description: '交办: 牵头部门' })
  @IsOptional()
  @IsUUID('all', { message: '部门 id 格式有误' })
  departmentId?: string;

  @ApiPropertyOptional({ description: '交办: 协办部门 (联合调处)', type: [String] })
  @IsOptional()
  @IsArray({ message: '协办部门须为列表' })
  @ArrayMaxSize(5, { message: '协办部门最多5个' })
  @IsUUID('all', { each: true, message: '部门 id 格式有误' })
  departmentIds?: string[];

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: '未知的办理结果' })
  outcome?: Outcome;

  @ApiPropertyOptional({ enum: SATISFACTIONS })
  @IsOptional()
  @IsIn(SATISFACTIONS, { message: '未知的评价' })
  satisfaction?: Satisfaction;

  @ApiPropertyOptional({ enum: RETURN_VISIT_METHODS, description: '回访方式' })
  @IsOptional()
  @IsIn(RETURN_VISIT_METHODS, { message: '未知的回访方式' })
  method?: ReturnVisitMethod;

  @ApiPropertyOptional({ type: [String], description: '照片 (POST /uploads 的 id)' })
  @IsOptional()
  @IsArray({ message: '照片须为列表' })
  @ArrayMaxSize(9, { message: '最多添加9张照片' })
  @IsUUID('all', { each: true, message: '照片 id 格式有误' })
  photoIds?: string[];
}

export class TriageOverrideDto {
  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: '未知的类别' })
  category?: Category;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: '未知的风险等级' })
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ enum: DEPARTMENTS, description: '建议承办部门代码' })
  @IsOptional()
  @IsIn(DEPARTMENTS, { message: '未知的部门代码' })
  department?: Department;

  @ApiProperty({ description: '调整理由', maxLength: 500 })
  @IsString({ message: '请填写调整理由' })
  @MaxLength(500, { message: '调整理由不能超过500字' })
  reason: string;
}
