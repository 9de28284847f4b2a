import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';
import { PageNumber, PageSize } from '../../common/paging';

export class ListMessagesQuery {
  @PageNumber()
  page = 1;

  @PageSize(100, 20)
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
