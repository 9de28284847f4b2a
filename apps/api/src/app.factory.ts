import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ConfigError, type AppConfig } from './config/app-config';
import { createValidationPipe } from './common/validation';
import { registerBodyParsers } from './common/body-depth';
import { registerSecurityHeaders } from './common/security-headers';
import { SafeLogger } from './common/safe-logger';
import { DEMO_PASSWORD, DEMO_USERNAMES, markInitialisedWithoutDemo, seedDemo } from './database/seeds/demo.seed';
import { prepareSqlite } from './database/sqlite/prepare';
import { registerMultipart } from './modules/uploads/multipart';
import { User } from './modules/users/user.entity';

/** Outside production a missing secret is generated once and kept beside the data (production refuses to start without it). */
function keptSecret(config: AppConfig, name: string): string {
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, name);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function ensureSecrets(config: AppConfig) {
  config.JWT_SECRET ??= keptSecret(config, 'jwt-secret');
  config.FIELD_ENCRYPTION_KEY ??= keptSecret(config, 'field-encryption-key');
}

async function refuseDemoPasswords(db: DataSource) {
  const users = await db.getRepository(User).find({ where: DEMO_USERNAMES.map((username) => ({ username })) });
  for (const u of users) {
    if (u.passwordHash && (await verify(u.passwordHash, DEMO_PASSWORD).catch(() => false))) {
      throw new ConfigError(`生产模式拒绝启动:账号 ${u.username} 仍在使用演示密码`);
    }
  }
}

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  ensureSecrets(config);
  // SQLite: lock, check and adopt the file before anything writes to it.
  const releaseDb = config.DB_TYPE === 'sqlite' ? await prepareSqlite(config) : () => undefined;
  try {
    return await buildApp(config); // closing the DataSource releases the lock (app.module.ts)
  } catch (e) {
    releaseDb();
    throw e;
  }
}

async function buildApp(config: AppConfig): Promise<NestFastifyApplication> {
  const bodyLimit = 256 * 1024;
  // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY; otherwise the client IP is the socket peer.
  const trusted = (config.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const adapter = new FastifyAdapter({ bodyLimit, trustProxy: trusted.length ? trusted : false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.NODE_ENV === 'test' ? ['error', 'warn'] : new SafeLogger(),
  });
  // Open311 partners expect the standard's own path, outside the API's prefix.
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'open311/v2/*path', method: RequestMethod.ALL }] });
  registerBodyParsers(app, bodyLimit);
  await registerSecurityHeaders(app, config);
  await registerMultipart(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // The API's map is for developers: in production only when asked for.
  if (config.NODE_ENV !== 'production' || config.DOCS_PUBLIC) {
    const doc = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('综治中心 一案一码 API').setVersion('1').addBearerAuth().build(),
    );
    SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  }

  if (config.H5_DIR && existsSync(config.H5_DIR)) {
    app.useStaticAssets({ root: resolve(config.H5_DIR), prefix: '/', decorateReply: false, wildcard: false, preCompressed: true });
  }

  await app.init();
  try {
    const db = app.get(DataSource);
    if (config.NODE_ENV === 'production') await refuseDemoPasswords(db);
    if (config.NODE_ENV !== 'production' && config.SEED_DEMO) await seedDemo(db);
    else await markInitialisedWithoutDemo(db);
  } catch (e) {
    await app.close();
    throw e;
  }
  return app;
}
