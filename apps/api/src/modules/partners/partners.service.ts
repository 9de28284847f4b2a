import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { OrgService } from '../org/org.service';
import type { CreatePartnerDto } from './dto';
import { Partner, type PartnerChannel, type PartnerScope } from './partner.entity';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface PartnerView {
  id: string;
  name: string;
  channel: PartnerChannel;
  scopes: PartnerScope[];
  unitId: string;
  unitName: string | null;
  keyPrefix: string;
  ratePerMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Partner systems and their API keys: issued by an admin of the area, shown once, stored hashed, revocable. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectRepository(Partner) private readonly repo: Repository<Partner>,
    private readonly org: OrgService,
    private readonly clock: Clock,
  ) {}

  async issue(admin: AuthUser, dto: CreatePartnerDto): Promise<PartnerView & { apiKey: string }> {
    if (!admin.unitId || !(await this.org.subtree(admin.unitId)).has(dto.unitId)) throw new ValidationError({ unitId: '辖区不存在或不在您的管理范围内' });
    const scopes = [...new Set(dto.scopes)] as PartnerScope[];
    // zz311_ + 8 visible characters + 43 characters of the 256-bit secret (base64url).
    const apiKey = `zz311_${randomBytes(32).toString('base64url')}`;
    const p: Partner = {
      id: newId(),
      name: dto.name.trim(),
      channel: dto.channel as PartnerChannel,
      scopes,
      unitId: dto.unitId,
      keyPrefix: apiKey.slice(0, 12),
      keyHash: hashKey(apiKey),
      ratePerMinute: dto.ratePerMinute ?? 120,
      createdBy: admin.id,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.repo.insert(p);
    return { ...(await this.view(p)), apiKey };
  }

  async list(admin: AuthUser): Promise<{ items: PartnerView[] }> {
    const area = admin.unitId ? await this.org.subtree(admin.unitId) : new Set<string>();
    const rows = (await this.repo.find({ order: { createdAt: 'DESC' } })).filter((p) => area.has(p.unitId));
    return { items: await Promise.all(rows.map((p) => this.view(p))) };
  }

  async revoke(admin: AuthUser, id: string): Promise<PartnerView> {
    const p = await this.repo.findOneBy({ id });
    if (!p || !admin.unitId || !(await this.org.subtree(admin.unitId)).has(p.unitId)) throw new NotFoundError('未找到该对接系统');
    if (!p.revokedAt) {
      p.revokedAt = this.clock.now();
      await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: p.revokedAt });
    }
    return this.view(p);
  }

  /** The partner a key belongs to (revoked ones included: the caller decides and audits), or null. */
  findByKey(key: string): Promise<Partner | null> {
    if (!key.startsWith('zz311_') || key.length > 100) return Promise.resolve(null);
    return this.repo.findOneBy({ keyHash: hashKey(key) });
  }

  private async view(p: Partner): Promise<PartnerView> {
    return {
      id: p.id,
      name: p.name,
      channel: p.channel,
      scopes: p.scopes,
      unitId: p.unitId,
      unitName: (await this.org.unit(p.unitId))?.name ?? null,
      keyPrefix: p.keyPrefix,
      ratePerMinute: p.ratePerMinute,
      createdAt: p.createdAt,
      revokedAt: p.revokedAt,
    };
  }
}
