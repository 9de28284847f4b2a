import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { UploadsService } from './uploads.service';

/** Runs the orphan sweep on a timer (in every instance; the sweep is idempotent). */
@Injectable()
export class UploadsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly uploads: UploadsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    const seconds = this.config.UPLOAD_SWEEP_INTERVAL_SECONDS;
    if (!seconds) return;
    this.timer = setInterval(() => {
      this.uploads.sweepOrphans().catch((e: unknown) => this.logger.warn(`orphan sweep failed: ${e instanceof Error ? e.message : String(e)}`));
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }
}
