import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { SmsCode } from './sms-code.entity';

@Injectable()
export class SmsCodesRepository {
  constructor(@InjectRepository(SmsCode) private readonly repo: Repository<SmsCode>) {}

  countSentToPhoneSince(phone: string, since: Date) {
    return this.repo.countBy({ phone, createdAt: MoreThan(since) });
  }

  countSentFromIpSince(ip: string, since: Date) {
    return this.repo.countBy({ ip, createdAt: MoreThan(since) });
  }

  latestForPhone(phone: string) {
    return this.repo.findOne({ where: { phone }, order: { createdAt: 'DESC' } });
  }

  async insert(row: SmsCode) {
    await this.repo.insert(row);
  }

  /** Counts a wrong try; conditional so concurrent tries cannot exceed the limit unnoticed. */
  async recordFailedAttempt(id: string) {
    await this.repo.increment({ id }, 'attempts', 1);
  }

  /** Marks the code used; false when another request consumed it first. */
  async consume(id: string, at: Date): Promise<boolean> {
    const res = await this.repo.update({ id, consumedAt: IsNull() }, { consumedAt: at });
    return (res.affected ?? 0) === 1;
  }
}
