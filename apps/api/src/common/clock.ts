import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for deadlines, colours and the supervision sweep,
 * so a test can move time (`jest.spyOn(app.get(Clock), 'now')`) instead of
 * sleeping or rewriting rows.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
