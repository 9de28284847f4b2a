import { Injectable } from '@nestjs/common';
import { chinaDay } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/db-errors';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { UploadsService } from '../uploads/uploads.service';
import type { PatrolEntryDto } from './dto';
import type { Patrol, PatrolEntry } from './patrol.entity';
import { PatrolViews } from './patrol-views.service';
import { PatrolsRepository } from './patrols.repository';

/** A grid worker's patrol: start, record on the way, finish. Only its worker writes to it. */
@Injectable()
export class PatrolsService {
  constructor(
    private readonly repo: PatrolsRepository,
    private readonly uploads: UploadsService,
    private readonly views: PatrolViews,
    private readonly clock: Clock,
  ) {}

  async start(user: AuthUser, note: string | undefined) {
    if (!user.gridId) throw new ForbiddenError('您的账号未分配网格,不能开始巡查');
    const now = this.clock.now();
    const patrol: Patrol = {
      id: newId(),
      workerId: user.id,
      gridId: user.gridId,
      status: 'open',
      day: chinaDay(now),
      openWorkerId: user.id,
      note: note?.trim() || null,
      finishNote: null,
      startedAt: now,
      endedAt: null,
    };
    try {
      await this.repo.insert(patrol);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      throw new DomainError('PATROL.ALREADY_OPEN', '您还有一次巡查未结束,请先结束后再开始新的巡查');
    }
    return this.views.present(patrol, user);
  }

  async addEntry(user: AuthUser, patrolId: string, dto: PatrolEntryDto) {
    const patrol = await this.ownOpen(user, patrolId);
    const note = dto.note?.trim() || null;
    if (!note && !dto.photoIds?.length && !dto.location) throw new ValidationError({ note: '请填写记录、添加照片或位置' });
    const entry: PatrolEntry = {
      id: newId(),
      patrolId: patrol.id,
      note,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      address: dto.location?.address?.trim() || null,
      at: this.clock.now(),
    };
    await this.repo.transaction(async (m) => {
      await this.repo.insertEntry(m, entry);
      await this.uploads.attach(m, user.id, dto.photoIds, { patrolEntryId: entry.id });
    });
    const photos = (await this.uploads.photosForPatrolEntries([entry.id], user)).get(entry.id) ?? [];
    return {
      id: entry.id,
      patrolId: patrol.id,
      note: entry.note,
      location: entry.lat !== null && entry.lng !== null ? { lat: entry.lat, lng: entry.lng, address: entry.address } : null,
      photos,
      at: entry.at.toISOString(),
    };
  }

  async finish(user: AuthUser, patrolId: string, note: string | undefined) {
    const patrol = await this.ownOpen(user, patrolId);
    if (!(await this.repo.closeIfOpen(patrol.id, 'finished', this.clock.now(), note?.trim() || null))) throw this.closed();
    return this.views.present((await this.repo.findById(patrol.id))!, user);
  }

  /** The worker's own patrol (404 for anyone else's), still open (409 otherwise). */
  private async ownOpen(user: AuthUser, patrolId: string): Promise<Patrol> {
    const patrol = await this.repo.findById(patrolId);
    if (!patrol || patrol.workerId !== user.id) throw new NotFoundError('未找到该巡查');
    if (patrol.status !== 'open') throw this.closed();
    return patrol;
  }

  private closed() {
    return new DomainError('PATROL.CLOSED', '该巡查已结束');
  }
}
