import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PARTNER_CHANNELS, PARTNER_SCOPES } from './partner.entity';

export class CreatePartnerDto {
  @ApiProperty({ example: '市12345政务服务便民热线平台' })
  @IsString({ message: '请填写对接系统名称' })
  @MinLength(2, { message: '名称至少2个字' })
  @MaxLength(80, { message: '名称最多80个字' })
  name: string;

  @ApiProperty({ enum: PARTNER_CHANNELS, description: '经此密钥提交的案件来源渠道' })
  @IsIn(PARTNER_CHANNELS, { message: `渠道须为 ${PARTNER_CHANNELS.join('、')} 之一` })
  channel: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true, description: 'file 提交; read_own 查看本系统提交的案件; read_public 查看辖区内公共类案件' })
  @IsArray({ message: '权限须为列表' })
  @ArrayMinSize(1, { message: '至少授予一项权限' })
  @ArrayMaxSize(PARTNER_SCOPES.length, { message: '权限有重复' })
  @IsIn(PARTNER_SCOPES, { each: true, message: `权限须为 ${PARTNER_SCOPES.join('、')} 之一` })
  scopes: string[];

  @ApiProperty({ description: '辖区:组织单元 id,密钥只能在其下级范围内提交和查看' })
  @IsUUID('all', { message: '辖区 id 格式有误' })
  unitId: string;

  @ApiPropertyOptional({ default: 120, minimum: 1, maximum: 6000, description: '每分钟最多请求数' })
  @IsOptional()
  @IsInt({ message: '每分钟请求上限须为1到6000的整数' })
  @Min(1, { message: '每分钟请求上限须为1到6000的整数' })
  @Max(6000, { message: '每分钟请求上限须为1到6000的整数' })
  ratePerMinute?: number;
}
