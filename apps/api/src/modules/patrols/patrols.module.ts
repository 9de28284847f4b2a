import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { TicketHistory } from '../tickets/ticket-history.entity';
import { Ticket } from '../tickets/ticket.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { PatrolLinks } from './patrol-links.service';
import { PatrolViews } from './patrol-views.service';
import { Patrol, PatrolEntry, PatrolTicket } from './patrol.entity';
import { PatrolsController } from './patrols.controller';
import { PatrolsRepository } from './patrols.repository';
import { PatrolsService } from './patrols.service';
import { PatrolsSweeper } from './patrols.sweeper';

/** 网格日志: grid workers' patrols, their entries and the events found on them. */
@Module({
  imports: [TypeOrmModule.forFeature([Patrol, PatrolEntry, PatrolTicket, Ticket, TicketHistory]), OrgModule, UploadsModule, UsersModule],
  controllers: [PatrolsController],
  providers: [PatrolsRepository, PatrolsService, PatrolViews, PatrolLinks, PatrolsSweeper],
  exports: [PatrolLinks, PatrolsSweeper],
})
export class PatrolsModule {}
