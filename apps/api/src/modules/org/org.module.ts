import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from './department.entity';
import { OrgUnit } from './org-unit.entity';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, Department])],
  providers: [OrgRepository, OrgService],
  exports: [OrgService],
})
export class OrgModule {}
