import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { OrgModule } from '../org/org.module';
import { RoutingModule } from '../routing/routing.module';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ActionEffects } from './action-effects';
import { TicketStateMachine } from './ticket-state-machine';
import { TriageOverride } from './triage-override.entity';
import { TriageOverrideService } from './triage-override.service';
import { TriageOverridesRepository } from './triage-overrides.repository';
import { WorkflowController } from './workflow.controller';

/** The ticket lifecycle: the state machine, its actions, and triage overrides. */
@Module({
  imports: [TypeOrmModule.forFeature([TriageOverride, Ticket]), TicketsModule, DeadlinesModule, RoutingModule, OrgModule, UploadsModule],
  controllers: [WorkflowController],
  providers: [TicketStateMachine, ActionEffects, TriageOverridesRepository, TriageOverrideService],
  exports: [TicketStateMachine],
})
export class WorkflowModule {}
