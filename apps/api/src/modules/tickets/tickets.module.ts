import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { TicketAccessService } from './ticket-access.service';
import { TicketHistory } from './ticket-history.entity';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketHistory]), OrgModule],
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketAccessService, TicketsService],
  exports: [TicketsRepository, TicketAccessService],
})
export class TicketsModule {}
