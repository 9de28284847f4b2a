import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { TriageModule } from '../triage/triage.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TicketsModule, TriageModule, OrgModule, UsersModule, UploadsModule, RoutingModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
