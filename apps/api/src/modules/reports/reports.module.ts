import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { PatrolsModule } from '../patrols/patrols.module';
import { OrgModule } from '../org/org.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { TriageModule } from '../triage/triage.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { ReportsController } from './reports.controller';
import { IntakeService } from './intake.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [MessagesModule, TicketsModule, TriageModule, OrgModule, UsersModule, UploadsModule, RoutingModule, PatrolsModule],
  controllers: [ReportsController],
  providers: [ReportsService, IntakeService],
  exports: [IntakeService],
})
export class ReportsModule {}
