import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ValidationError } from '../../common/errors';
import type { AppConfig } from '../../config/app-config';
import { PhotoUrlSigner } from './photo-url.signer';
import type { PhotoStorage } from './storage/photo-storage';
import type { AttachTarget, UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

/** Only what attach and the photo look-ups touch; the SQL itself is covered by the MariaDB integration specs. */
class FakeUploadsRepository {
  claims: { ownerId: string; ids: readonly string[]; target: AttachTarget }[] = [];
  entryRows: { id: string; patrolEntryId: string | null }[] = [];
  entryLookups: (readonly string[])[] = [];
  /** How many of the offered photos the fake claims (all unless set). */
  claimable?: number;

  async attachOwned(_m: EntityManager, ownerId: string, ids: readonly string[], target: AttachTarget): Promise<number> {
    this.claims.push({ ownerId, ids, target });
    return this.claimable ?? ids.length;
  }

  async findByPatrolEntries(entryIds: readonly string[]) {
    this.entryLookups.push(entryIds);
    return this.entryRows.filter((r) => entryIds.includes(r.patrolEntryId!));
  }
}

describe('UploadsService: patrol entry photos', () => {
  const viewer = { id: 'w1', role: 'grid_worker' } as AuthUser;
  let repo: FakeUploadsRepository;
  let service: UploadsService;
  beforeEach(() => {
    repo = new FakeUploadsRepository();
    service = new UploadsService(repo as unknown as UploadsRepository, {} as PhotoStorage, new PhotoUrlSigner('s'.repeat(40)), {} as AppConfig);
  });

  it('passes a patrol entry target through to the claim, for the uploader only', async () => {
    await service.attach({} as EntityManager, 'w1', ['p1', 'p2'], { patrolEntryId: 'e1' });
    expect(repo.claims).toEqual([{ ownerId: 'w1', ids: ['p1', 'p2'], target: { patrolEntryId: 'e1' } }]);
  });

  it('refuses with one 400 on photoIds when not every photo could be claimed', async () => {
    repo.claimable = 1;
    const attempt = service.attach({} as EntityManager, 'w1', ['p1', 'p2'], { patrolEntryId: 'e1' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: { photoIds: expect.any(String) } });
  });

  it('groups photos by entry in the order the repository gives, with signed links, in one look-up', async () => {
    repo.entryRows = [
      { id: 'p2', patrolEntryId: 'e1' },
      { id: 'p1', patrolEntryId: 'e1' },
      { id: 'p3', patrolEntryId: 'e2' },
    ];
    const photos = await service.photosForPatrolEntries(['e1', 'e2', 'e1', 'e3'], viewer);
    expect(repo.entryLookups).toEqual([['e1', 'e2', 'e3']]);
    expect([...photos.keys()]).toEqual(['e1', 'e2']);
    expect(photos.get('e1')!.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(photos.get('e2')![0]).toEqual({ id: 'p3', url: expect.stringContaining('/uploads/p3/file?variant=full'), thumbnailUrl: expect.stringContaining('variant=thumb') });
  });

  it('asks nothing for no entries', async () => {
    expect((await service.photosForPatrolEntries([], viewer)).size).toBe(0);
    expect(repo.entryLookups).toEqual([]);
  });
});
