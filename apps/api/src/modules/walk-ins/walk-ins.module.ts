import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { ReportsModule } from '../reports/reports.module';
import { TicketsModule } from '../tickets/tickets.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { FieldCipher } from './field-cipher';
import { WalkIn } from './walk-in.entity';
import { WalkInsController } from './walk-ins.controller';
import { WalkInsRepository } from './walk-ins.repository';
import { WalkInsService } from './walk-ins.service';

/** 来访登记 at a centre's counter. */
@Module({
  imports: [TypeOrmModule.forFeature([WalkIn]), ReportsModule, TicketsModule, WorkflowModule, OrgModule],
  controllers: [WalkInsController],
  providers: [WalkInsRepository, WalkInsService, FieldCipher],
})
export class WalkInsModule {}
