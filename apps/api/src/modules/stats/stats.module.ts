import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { TicketsModule } from '../tickets/tickets.module';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** 统计 (受理量, 化解率, 按时办结率, 满意率, 回访率, breakdowns, trend, red list, map). */
@Module({
  imports: [OrgModule, TicketsModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService],
})
export class StatsModule {}
