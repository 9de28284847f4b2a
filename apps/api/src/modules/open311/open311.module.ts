import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgModule } from '../org/org.module';
import { PartnersModule } from '../partners/partners.module';
import { ReportsModule } from '../reports/reports.module';
import { TicketHistory } from '../tickets/ticket-history.entity';
import { Ticket } from '../tickets/ticket.entity';
import { UploadsModule } from '../uploads/uploads.module';
import { MediaFetcher } from './media-fetcher';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 for partner systems, at /open311/v2 (outside the /api/v1 prefix). */
@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketHistory, OrgUnit]), ReportsModule, UploadsModule, OrgModule, PartnersModule],
  controllers: [Open311Controller],
  providers: [Open311Service, MediaFetcher],
})
export class Open311Module {}
