import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListMessagesQuery {
  @ApiPropertyOptional({ default: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码须为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(10000, { message: '页码最大为10000' })
  page = 1;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数须为整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(100, { message: '每页最多100条' })
  pageSize = 20;
}

export class SubscribeDto {
  @ApiProperty({ type: [String], description: 'wx.requestSubscribeMessage 中用户同意(accept)的模板 id', maxItems: 3 })
  @IsArray({ message: '模板须为列表' })
  @ArrayMinSize(1, { message: '请至少提供一个模板' })
  @ArrayMaxSize(3, { message: '一次最多订阅3个模板' })
  @IsString({ each: true, message: '模板 id 须为文字' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: '模板 id 格式有误' })
  templateIds: string[];
}
