import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocationDto } from '../reports/dto';

export class PatrolNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString({ message: '备注须为文字' })
  @MaxLength(1000, { message: '备注不能超过1000字' })
  note?: string;
}

export class PatrolEntryDto {
  @ApiPropertyOptional({ maxLength: 1000, description: '巡查记录' })
  @IsOptional()
  @IsString({ message: '记录须为文字' })
  @MaxLength(1000, { message: '记录不能超过1000字' })
  note?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9, description: '本人上传且未使用过的照片 id (POST /uploads)' })
  @IsOptional()
  @IsArray({ message: '照片须为 id 列表' })
  @ArrayMaxSize(9, { message: '最多添加 9 张照片' })
  @ArrayUnique({ message: '同一张照片只能添加一次' })
  @IsUUID('all', { each: true, message: '照片不存在或已失效,请重新上传' })
  photoIds?: string[];

  @ApiPropertyOptional({ type: LocationDto, description: '位置点 (GCJ-02)' })
  @IsOptional()
  @ValidateNested({ message: '位置格式有误' })
  @Type(() => LocationDto)
  location?: LocationDto;
}

export class PatrolDayQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: '日期 (北京时间), 默认今天' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '日期格式须为 YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ description: '只看某位网格员 (督导人员)' })
  @IsOptional()
  @IsUUID('all', { message: '网格员 id 格式有误' })
  workerId?: string;
}
