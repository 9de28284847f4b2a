import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from '../admin/admin.module';
import { OrgModule } from '../org/org.module';
import { RoutingRule } from './routing-rule.entity';
import { RoutingController } from './routing.controller';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRule]), OrgModule, AdminModule],
  controllers: [RoutingController],
  providers: [RoutingRulesRepository, RoutingRulesService],
  exports: [RoutingRulesService],
})
export class RoutingModule {}
