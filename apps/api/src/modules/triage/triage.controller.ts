import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { TriageDto } from './dto';
import { TriageService } from './triage.service';

@ApiTags('triage')
@ApiBearerAuth()
@Controller('triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  @Post()
  @HttpCode(200)
  assess(@Body() dto: TriageDto) {
    return this.triage.assess(dto.text, dto.channel);
  }
}
