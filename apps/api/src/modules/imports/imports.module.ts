import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportsModule } from '../reports/reports.module';
import { TicketsModule } from '../tickets/tickets.module';
import { HotlineImportService } from './hotline-import.service';
import { HotlineOrder } from './hotline-order.entity';
import { HotlineOrdersRepository } from './hotline-orders.repository';
import { ImportsController } from './imports.controller';

/** 12345 / 110 referrals taken in as tickets. */
@Module({
  imports: [TypeOrmModule.forFeature([HotlineOrder]), ReportsModule, TicketsModule],
  controllers: [ImportsController],
  providers: [HotlineOrdersRepository, HotlineImportService],
})
export class ImportsModule {}
