import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { RoutingModule } from '../routing/routing.module';
import { UploadsModule } from '../uploads/uploads.module';
import { HistoryFactory } from './history.factory';
import { TicketAccessService } from './ticket-access.service';
import { TicketDepartment } from './ticket-department.entity';
import { TicketHistory } from './ticket-history.entity';
import { TicketPolicy } from './ticket-policy.service';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketHistory, TicketDepartment]), OrgModule, RoutingModule, UploadsModule],
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketAccessService, TicketPolicy, TicketsService, HistoryFactory],
  exports: [TicketsRepository, TicketAccessService, TicketPolicy, TicketsService, HistoryFactory],
})
export class TicketsModule {}
