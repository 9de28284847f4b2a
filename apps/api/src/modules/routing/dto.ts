import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsUUID } from 'class-validator';
import { CATEGORIES, DEPARTMENTS, RISK_LEVELS, TIERS } from '@zongzhi/shared';

export class RoutingRulesQuery {
  @ApiPropertyOptional({ description: '区/县 id; 默认为当前账号所在的区' })
  @IsOptional()
  @IsUUID('all', { message: '区/县 id 格式有误' })
  districtId?: string;
}

export class PutRoutingRulesDto {
  @ApiPropertyOptional({ description: '区/县 id; 默认为当前账号所在的区' })
  @IsOptional()
  @IsUUID('all', { message: '区/县 id 格式有误' })
  districtId?: string;

  @ApiPropertyOptional({ description: `类别 → 部门代码 (${CATEGORIES.join(', ')} → ${DEPARTMENTS.join(', ')})`, example: { labor: 'hrss' } })
  @IsOptional()
  @IsObject({ message: '须为 类别→部门 的对象' })
  departmentByCategory?: Record<string, unknown>;

  @ApiPropertyOptional({ description: `风险等级 → 层级 (${RISK_LEVELS.join(', ')} → ${TIERS.join(', ')})`, example: { high: 'district' } })
  @IsOptional()
  @IsObject({ message: '须为 风险等级→层级 的对象' })
  tierByRisk?: Record<string, unknown>;
}
