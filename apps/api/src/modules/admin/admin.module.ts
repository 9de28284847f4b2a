import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigChange } from './config-change.entity';
import { ConfigChangesRepository } from './config-changes.repository';

/** What admin configuration modules share: the audit trail of their edits. */
@Module({
  imports: [TypeOrmModule.forFeature([ConfigChange])],
  providers: [ConfigChangesRepository],
  exports: [ConfigChangesRepository],
})
export class AdminModule {}
