import { Injectable } from '@nestjs/common';
import { chinaDay } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors';
import { OrgService } from '../org/org.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import type { Patrol } from './patrol.entity';
import { toPatrolResponse, type PatrolResponse } from './patrol.response';
import { PatrolsRepository } from './patrols.repository';

/**
 * Who sees which patrols, and the day view. A grid worker: their own. A
 * dispatcher, leader or admin: those in the grids of their unit and below.
 */
@Injectable()
export class PatrolViews {
  constructor(
    private readonly repo: PatrolsRepository,
    private readonly org: OrgService,
    private readonly users: UsersRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
  ) {}

  async day(user: AuthUser, date: string | undefined, workerId: string | undefined) {
    const day = date ?? chinaDay(this.clock.now());
    let patrols: Patrol[];
    if (user.role === 'grid_worker') patrols = await this.repo.byWorkerOnDay(user.id, day);
    else patrols = user.unitId ? await this.repo.inGridsOnDay([...(await this.org.subtree(user.unitId))], day) : [];
    if (workerId) patrols = patrols.filter((p) => p.workerId === workerId);
    const items = await this.presentMany(patrols, user);
    return { date: day, items, workers: summarize(items) };
  }

  async get(user: AuthUser, id: string): Promise<PatrolResponse> {
    const patrol = await this.repo.findById(id);
    if (!patrol || !(await this.mayView(user, patrol))) throw new NotFoundError('未找到该巡查');
    return this.present(patrol, user);
  }

  async present(patrol: Patrol, viewer: AuthUser): Promise<PatrolResponse> {
    return (await this.presentMany([patrol], viewer))[0];
  }

  private async mayView(user: AuthUser, p: Patrol): Promise<boolean> {
    if (user.role === 'grid_worker') return p.workerId === user.id;
    if (!['dispatcher', 'leader', 'admin'].includes(user.role) || !user.unitId) return false;
    return (await this.org.subtree(user.unitId)).has(p.gridId);
  }

  private async presentMany(patrols: Patrol[], viewer: AuthUser): Promise<PatrolResponse[]> {
    const ids = patrols.map((p) => p.id);
    const [entries, found] = await Promise.all([this.repo.entriesOf(ids), this.repo.ticketsOf(ids)]);
    const [settled, photos] = await Promise.all([
      this.repo.settledOnSite(found.map((f) => f.ticket.id)),
      this.uploads.photosForPatrolEntries(entries.map((e) => e.id), viewer),
    ]);
    const names = new Map<string, string>();
    for (const workerId of new Set(patrols.map((p) => p.workerId))) names.set(workerId, (await this.users.findById(workerId))?.displayName ?? '网格员');
    const now = this.clock.now();
    return Promise.all(
      patrols.map(async (p) =>
        toPatrolResponse({
          patrol: p,
          workerName: names.get(p.workerId)!,
          gridName: (await this.org.unit(p.gridId))?.name ?? '',
          entries: entries.filter((e) => e.patrolId === p.id),
          photos,
          tickets: found.filter((f) => f.patrolId === p.id).map((f) => f.ticket),
          settled,
          now,
        }),
      ),
    );
  }
}

/** Per grid worker: how many patrols, how long in all, what was found and settled. */
function summarize(items: PatrolResponse[]) {
  const by = new Map<string, { worker: PatrolResponse['worker']; gridName: string; patrols: number; minutes: number; found: number; settled: number; abandoned: number }>();
  for (const p of items) {
    const s = by.get(p.worker.id) ?? { worker: p.worker, gridName: p.gridName, patrols: 0, minutes: 0, found: 0, settled: 0, abandoned: 0 };
    s.patrols++;
    s.minutes += p.durationMinutes;
    s.found += p.found;
    s.settled += p.settled;
    if (p.status === 'abandoned') s.abandoned++;
    by.set(p.worker.id, s);
  }
  return [...by.values()];
}
