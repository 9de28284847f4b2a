import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { OrgModule } from '../org/org.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** 文书: printable documents of a ticket. */
@Module({
  imports: [TicketsModule, DeadlinesModule, OrgModule, RoutingModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
