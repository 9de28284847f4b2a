import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from '../admin/admin.module';
import { OrgModule } from '../org/org.module';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { DeadlinesController } from './deadlines.controller';
import { ExtensionRequest } from './extension-request.entity';
import { ExtensionRequestsRepository } from './extension-requests.repository';
import { ExtensionRequestsService } from './extension-requests.service';
import { SupervisionNotice } from './supervision-notice.entity';
import { SupervisionRepository } from './supervision.repository';
import { SupervisionService } from './supervision.service';
import { TimeLimitRuleRow } from './time-limit-rule.entity';
import { TimeLimitsRepository } from './time-limits.repository';
import { TimeLimitsService } from './time-limits.service';

/** Time limits, the 督办 sweep and notices, 延期申请. */
@Module({
  imports: [TypeOrmModule.forFeature([TimeLimitRuleRow, SupervisionNotice, ExtensionRequest, Ticket]), TicketsModule, OrgModule, AdminModule],
  controllers: [DeadlinesController],
  providers: [TimeLimitsRepository, TimeLimitsService, SupervisionRepository, SupervisionService, ExtensionRequestsRepository, ExtensionRequestsService],
  exports: [TimeLimitsService, SupervisionService, SupervisionRepository],
})
export class DeadlinesModule {}
