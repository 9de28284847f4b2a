import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { ClockModule } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source';
import { installSqliteGate } from './database/sqlite/gate';
import { releaseInstanceLock } from './database/sqlite/prepare';
import { AdminModule } from './modules/admin/admin.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { RateLimitModule } from './modules/auth/rate-limiter';
import { DocumentsModule } from './modules/documents/documents.module';
import { TicketEventsModule } from './modules/events/ticket-events';
import { ImportsModule } from './modules/imports/imports.module';
import { MessagesModule } from './modules/messages/messages.module';
import { PatrolsModule } from './modules/patrols/patrols.module';
import { WalkInsModule } from './modules/walk-ins/walk-ins.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { HealthController } from './modules/health/health.controller';
import { Open311Module } from './modules/open311/open311.module';
import { OrgModule } from './modules/org/org.module';
import { PartnersModule } from './modules/partners/partners.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RoutingModule } from './modules/routing/routing.module';
import { StatsModule } from './modules/stats/stats.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TriageModule } from './modules/triage/triage.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { UsersModule } from './modules/users/users.module';
import { WorkflowModule } from './modules/workflow/workflow.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({ ...(await dataSourceOptions(config)), retryAttempts: config.DB_TYPE === 'sqlite' ? 0 : 9 }),
          dataSourceFactory: async (options) => {
            const ds = new DataSource(options!);
            if (options!.type === 'better-sqlite3') {
              installSqliteGate(ds);
              const destroy = ds.destroy.bind(ds);
              ds.destroy = async () => {
                try {
                  await destroy();
                } finally {
                  releaseInstanceLock(String(options!.database));
                }
              };
            }
            return ds.initialize();
          },
        }),
        JwtModule.register({
          global: true,
          // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails)
          // to parse the secret as a public key on every verify — ~1 ms a request.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET ?? '')) as unknown as string,
          signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        AuditModule,
        RateLimitModule,
        TicketEventsModule,
        UsersModule,
        OrgModule,
        AuthModule,
        TriageModule,
        TicketsModule,
        ReportsModule,
        UploadsModule,
        AdminModule,
        RoutingModule,
        DeadlinesModule,
        WorkflowModule,
        StatsModule,
        MessagesModule,
        PatrolsModule,
        WalkInsModule,
        ImportsModule,
        DocumentsModule,
        PartnersModule,
        Open311Module,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
