import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PHONE_PATTERN } from '@zongzhi/shared';
import { LocationDto } from '../reports/dto';
import { ReportText, TEXT_MAX } from '../triage/dto';

export class CreateWalkInDto {
  @ApiProperty({ description: '来访人姓名', maxLength: 50 })
  @IsString({ message: '请填写来访人姓名' })
  @MinLength(1, { message: '请填写来访人姓名' })
  @MaxLength(50, { message: '姓名不能超过50字' })
  visitorName: string;

  @ApiProperty({ description: '来访人手机号', example: '13800138000' })
  @IsString({ message: '手机号格式不正确' })
  @Matches(PHONE_PATTERN, { message: '手机号格式不正确' })
  phone: string;

  /** Checked in the service (format, birth date, check character) so the message can say which. */
  @ApiProperty({ description: '居民身份证号码 (18位)', example: '11010519491231002X' })
  @IsString({ message: '请填写身份证号码' })
  @MaxLength(32, { message: '身份证号码应为18位' })
  idNumber: string;

  @ApiProperty({ description: '反映事项', maxLength: TEXT_MAX })
  @ReportText()
  text: string;

  @ApiPropertyOptional({ type: [String], description: '涉及人员 (姓名/单位/关系)', maxItems: 20 })
  @IsOptional()
  @IsArray({ message: '涉及人员须为列表' })
  @ArrayMaxSize(20, { message: '涉及人员最多20个' })
  @IsString({ each: true, message: '涉及人员须为文字' })
  @MaxLength(100, { each: true, message: '每位涉及人员不超过100字' })
  parties?: string[];

  @ApiPropertyOptional({ type: LocationDto, description: '事发地点' })
  @IsOptional()
  @ValidateNested({ message: '位置格式有误' })
  @Type(() => LocationDto)
  location?: LocationDto;
}
