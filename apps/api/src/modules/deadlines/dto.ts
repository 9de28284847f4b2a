import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CATEGORIES, RISK_LEVELS, type Category, type RiskLevel } from '@zongzhi/shared';
import { EXTENSION_STATUSES, type ExtensionStatus } from './extension-request.entity';

const YEAR_MINUTES = 366 * 24 * 60;

export class TimeLimitRuleDto {
  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS, { message: '未知的风险等级' })
  riskLevel: RiskLevel;

  @ApiPropertyOptional({ enum: CATEGORIES, description: '只对该类别生效; 省略则对该风险等级的所有类别生效' })
  @IsOptional()
  @IsIn(CATEGORIES, { message: '未知的类别' })
  category?: Category;

  @ApiProperty({ description: '签收时限(分钟)' })
  @IsInt({ message: '签收时限须为正整数分钟' })
  @Min(1, { message: '签收时限须为正整数分钟' })
  @Max(YEAR_MINUTES, { message: '签收时限不能超过一年' })
  signMinutes: number;

  @ApiProperty({ description: '办结时限(分钟)' })
  @IsInt({ message: '办结时限须为正整数分钟' })
  @Min(1, { message: '办结时限须为正整数分钟' })
  @Max(YEAR_MINUTES, { message: '办结时限不能超过一年' })
  resolveMinutes: number;
}

export class PutTimeLimitsDto {
  @ApiProperty({ type: [TimeLimitRuleDto], description: '完整的规则集; 未列出的回到 DOMAIN.md 默认值' })
  @IsArray({ message: '须为规则列表' })
  @ArrayMaxSize(100, { message: '规则不能超过100条' })
  @ValidateNested({ each: true })
  @Type(() => TimeLimitRuleDto)
  rules: TimeLimitRuleDto[];
}

export class CreateExtensionRequestDto {
  @ApiProperty({ description: '延期理由' })
  @IsString({ message: '请填写延期理由' })
  @MinLength(2, { message: '请填写延期理由' })
  @MaxLength(500, { message: '延期理由不能超过500字' })
  reason: string;

  @ApiProperty({ description: '申请的新办结期限, ISO 8601' })
  @Type(() => Date)
  @IsDate({ message: '新期限须为 ISO 8601 时间' })
  requestedDeadline: Date;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean({ message: '请选择同意或不同意' })
  approve: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: '意见须为文字' })
  @MaxLength(500, { message: '意见不能超过500字' })
  note?: string;
}

export class ListExtensionRequestsQuery {
  @ApiPropertyOptional({ enum: EXTENSION_STATUSES })
  @IsOptional()
  @IsIn(EXTENSION_STATUSES, { message: '未知的申请状态' })
  status?: ExtensionStatus;
}

/** Query strings carry text: only `true`/`false` become booleans, anything else stays as sent and fails `@IsBoolean`. */
const strictBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListSupervisionNoticesQuery {
  @ApiPropertyOptional({ description: 'true: 只看未读的督办单' })
  @IsOptional()
  @Transform(strictBoolean)
  @IsBoolean({ message: '未读筛选只能是 true 或 false' })
  unread?: boolean;
}
