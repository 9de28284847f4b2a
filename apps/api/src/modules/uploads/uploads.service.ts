import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LatLng } from '@zongzhi/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError, RateLimitedError, ValidationError } from '../../common/errors';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { PHOTO_LIMITS, processPhoto } from './photo-processor';
import { PhotoUrlSigner, type PhotoVariant } from './photo-url.signer';
import { PhotoStorage } from './storage/photo-storage';
import { UploadsRepository, type AttachTarget } from './uploads.repository';

export interface UploadResponse {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  /** Where the photo was taken (GCJ-02), for 「使用照片拍摄位置」; only ever told to the uploader. */
  gps?: LatLng;
}

export interface PhotoResponse {
  id: string;
  url: string;
  thumbnailUrl: string;
}

/** A photo of a ticket: the report's own (`historyId` null) or one filed with a history row. */
export interface TicketPhoto extends PhotoResponse {
  historyId: string | null;
}

/** An unattached upload lives this long before the sweep removes it. */
export const ORPHAN_TTL_MS = 24 * 3600 * 1000;

const keysOf = (id: string) => [`${id}.jpg`, `${id}.thumb.jpg`];
const keyOf = (id: string, variant: PhotoVariant) => (variant === 'thumb' ? `${id}.thumb.jpg` : `${id}.jpg`);

@Injectable()
export class UploadsService {
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly repo: UploadsRepository,
    private readonly storage: PhotoStorage,
    private readonly signer: PhotoUrlSigner,
    private readonly config: AppConfig,
  ) {}

  /** Validates, re-encodes and stores one photo for `user`. The original bytes are not kept. */
  async upload(user: AuthUser, input: Buffer): Promise<UploadResponse> {
    const now = new Date();
    const recent = await this.repo.countByOwnerSince(user.id, new Date(now.getTime() - 3600_000));
    if (recent >= this.config.UPLOAD_MAX_PER_USER_PER_HOUR) throw new RateLimitedError('上传照片过于频繁,请稍后再试');

    const photo = await processPhoto(input);
    const id = newId();
    // Row first: if storing fails half-way the row is removed, and if the process dies the sweep finds the row.
    await this.repo.insert({
      id,
      ownerId: user.id,
      ticketId: null,
      historyId: null,
      patrolEntryId: null,
      sortOrder: 0,
      width: photo.full.width,
      height: photo.full.height,
      bytes: photo.full.data.length + photo.thumb.data.length,
      createdAt: now,
      attachedAt: null,
    });
    try {
      await this.storage.put(keyOf(id, 'full'), photo.full.data, 'image/jpeg');
      await this.storage.put(keyOf(id, 'thumb'), photo.thumb.data, 'image/jpeg');
    } catch (e) {
      await this.storage.delete(keysOf(id)).catch(() => undefined);
      await this.repo.deleteById(id);
      throw e;
    }
    return {
      ...this.photoResponse(id),
      width: photo.full.width,
      height: photo.full.height,
      ...(photo.gps ? { gps: photo.gps } : {}),
    };
  }

  /**
   * Attaches the owner's own unattached uploads to a ticket (and optionally a
   * history row) or to a patrol log entry, inside the caller's transaction.
   * Anything else — someone else's id, an unknown id, one already attached,
   * a duplicate, more than nine — is one 400 on `photoIds` that reveals
   * nothing about whose it is; the caller's transaction then rolls back and
   * nothing stays attached.
   */
  async attach(manager: EntityManager, ownerId: string, photoIds: readonly string[] | undefined, target: AttachTarget): Promise<void> {
    if (!photoIds?.length) return;
    if (photoIds.length > PHOTO_LIMITS.perReport) throw new ValidationError({ photoIds: `最多添加 ${PHOTO_LIMITS.perReport} 张照片` });
    if (new Set(photoIds).size !== photoIds.length) throw new ValidationError({ photoIds: '同一张照片只能添加一次' });
    const claimed = await this.repo.attachOwned(manager, ownerId, photoIds, target, new Date());
    if (claimed !== photoIds.length) throw new ValidationError({ photoIds: '照片不存在或已失效,请重新上传' });
  }

  /**
   * The photos of these tickets with fresh signed links, in ONE query. The
   * caller has already established that `viewer` may see every one of these
   * tickets; links are not bound to a viewer, they expire instead.
   */
  async photosFor(ticketIds: readonly string[], _viewer: AuthUser): Promise<Map<string, TicketPhoto[]>> {
    const out = new Map<string, TicketPhoto[]>();
    if (!ticketIds.length) return out;
    for (const row of await this.repo.findByTickets([...new Set(ticketIds)])) {
      const list = out.get(row.ticketId!) ?? [];
      list.push({ ...this.photoResponse(row.id), historyId: row.historyId });
      out.set(row.ticketId!, list);
    }
    return out;
  }

  /**
   * The photos of these patrol log entries with fresh signed links, in ONE
   * query, by entry id. As with tickets, the caller has already established
   * that `viewer` may see the patrols these entries belong to.
   */
  async photosForPatrolEntries(entryIds: readonly string[], _viewer: AuthUser): Promise<Map<string, PhotoResponse[]>> {
    const out = new Map<string, PhotoResponse[]>();
    if (!entryIds.length) return out;
    for (const row of await this.repo.findByPatrolEntries([...new Set(entryIds)])) {
      out.set(row.patrolEntryId!, [...(out.get(row.patrolEntryId!) ?? []), this.photoResponse(row.id)]);
    }
    return out;
  }

  /** The bytes behind a signed link; 403 for an expired or altered link, 404 when the photo is gone. */
  async openSigned(id: string, variant: string, exp: string, sig: string): Promise<Buffer> {
    if (!this.signer.verify(id, variant, exp, sig)) throw new DomainError('AUTH.FORBIDDEN', '照片链接已过期或无效');
    const data = await this.storage.get(keyOf(id, variant as PhotoVariant));
    if (!data) throw new DomainError('NOT_FOUND', '照片不存在');
    return data;
  }

  /** Deletes uploads attached to neither a ticket nor a patrol entry within 24 h, files and rows. Returns how many went. */
  async sweepOrphans(now = new Date()): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = (await this.repo.findUnattachedCreatedBefore(new Date(now.getTime() - ORPHAN_TTL_MS), 200)).map((u) => u.id);
      if (!batch.length) break;
      const gone = await this.repo.deleteUnattached(batch);
      await this.storage.delete(gone.flatMap(keysOf));
      removed += gone.length;
      if (batch.length < 200) break;
    }
    if (removed) this.logger.log(`swept ${removed} unattached upload(s)`);
    return removed;
  }

  private photoResponse(id: string): PhotoResponse {
    return { id, url: this.signer.urlFor(id, 'full'), thumbnailUrl: this.signer.urlFor(id, 'thumb') };
  }
}

/** The report's own photos (not those filed with history rows), as the ticket response shows them. */
export function reportPhotos(photos: readonly TicketPhoto[] | undefined): PhotoResponse[] {
  return (photos ?? []).filter((p) => p.historyId === null).map(({ id, url, thumbnailUrl }) => ({ id, url, thumbnailUrl }));
}
