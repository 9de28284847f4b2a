import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, PHONE_PATTERN, type Channel } from '@zongzhi/shared';
import { ReportText, TEXT_MAX } from '../triage/dto';

/** At least four letters or digits (a Chinese character is a letter): emoji, punctuation or 「啊」 alone give nobody anything to act on. */
export const ENOUGH_DETAIL = /(?:[\p{L}\p{N}][^\p{L}\p{N}]*){4}/u;
export const TOO_LITTLE_DETAIL = '内容太少了,请再多写几句:在什么地方、发生了什么,工作人员才好帮您处理';

export class LocationDto {
  @ApiProperty({ description: '纬度 (GCJ-02)', example: 39.905 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度须为数字' })
  @Min(-90, { message: '纬度须在 -90 到 90 之间' })
  @Max(90, { message: '纬度须在 -90 到 90 之间' })
  lat: number;

  @ApiProperty({ description: '经度 (GCJ-02)', example: 116.35 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度须为数字' })
  @Min(-180, { message: '经度须在 -180 到 180 之间' })
  @Max(180, { message: '经度须在 -180 到 180 之间' })
  lng: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: '地址须为文字' })
  @MaxLength(200, { message: '地址不能超过200字' })
  address?: string;
}

export class CreateReportDto {
  @ApiProperty({ maxLength: TEXT_MAX })
  @ReportText()
  @Matches(ENOUGH_DETAIL, { message: TOO_LITTLE_DETAIL })
  text: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'miniprogram' })
  @IsOptional()
  @IsIn(CHANNELS, { message: '未知的渠道' })
  channel?: Channel;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested({ message: '位置格式有误' })
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: [String], maxItems: 9, description: '本人上传且未使用过的照片 id (POST /uploads)' })
  @IsOptional()
  @IsArray({ message: '照片须为 id 列表' })
  @ArrayMaxSize(9, { message: '最多添加 9 张照片' })
  @ArrayUnique({ message: '同一张照片只能添加一次' })
  @IsUUID('all', { each: true, message: '照片不存在或已失效,请重新上传' })
  photoIds?: string[];

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsString({ message: '手机号格式不正确' })
  @Matches(PHONE_PATTERN, { message: '手机号格式不正确' })
  contactPhone?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: '匿名选项须为是或否' })
  anonymous?: boolean;

  @ApiPropertyOptional({ description: '网格员巡查中发现的事件: 所属巡查 (POST /patrols 的 id), 仅 grid_patrol 渠道' })
  @IsOptional()
  @IsUUID('all', { message: '巡查不存在或已结束' })
  patrolId?: string;
}

export class LookupQuery {
  @ApiProperty({ example: '261125-7KM3Q-8' })
  @IsString({ message: '请填写案件编码' })
  @MaxLength(32, { message: '案件编码有误,请核对' })
  caseCode: string;

  @ApiProperty({ example: '13800138000' })
  @IsString({ message: '请填写手机号' })
  @Matches(PHONE_PATTERN, { message: '手机号格式不正确' })
  phone: string;
}

export class PlaceQuery {
  @ApiProperty({ description: '纬度 (GCJ-02)', example: 39.87 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度须为数字' })
  @Min(-90, { message: '纬度须在 -90 到 90 之间' })
  @Max(90, { message: '纬度须在 -90 到 90 之间' })
  lat: number;

  @ApiProperty({ description: '经度 (GCJ-02)', example: 116.32 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度须为数字' })
  @Min(-180, { message: '经度须在 -180 到 180 之间' })
  @Max(180, { message: '经度须在 -180 到 180 之间' })
  lng: number;
}
