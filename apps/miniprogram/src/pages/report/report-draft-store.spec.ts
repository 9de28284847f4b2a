import Taro from '@tarojs/taro';
import { clearDraft, freshDraft, hasContent, loadDraft, saveDraft } from './report-draft-store';

const KEY = 'zz.reportDraft';

describe('report draft store', () => {
  it('round-trips a draft with its key, photos and place, stamped with the time', () => {
    const d = { ...freshDraft('13800138000'), text: '拖欠工资三个月', photos: [{ id: 'p1', url: '/u/p1', thumbnailUrl: '/u/p1?t' }], location: { lat: 39.9, lng: 116.4, address: '幸福小区' } };
    saveDraft(KEY, d, 1_700_000_000_000);
    expect(loadDraft(KEY)).toEqual({ ...d, savedAt: 1_700_000_000_000 });
  });

  it('gives every fresh draft its own idempotency key', () => {
    expect(freshDraft().idempotencyKey).not.toBe(freshDraft().idempotencyKey);
  });

  it('reads an older draft without photos or place, and refuses junk', () => {
    Taro.setStorageSync(KEY, { text: '旧版草稿', contactPhone: '', anonymous: true, idempotencyKey: 'k1' });
    expect(loadDraft(KEY)).toMatchObject({ text: '旧版草稿', anonymous: true, idempotencyKey: 'k1', photos: [], location: { lat: null, lng: null, address: '' } });
    Taro.setStorageSync(KEY, 'nonsense');
    expect(loadDraft(KEY)).toBeNull();
    Taro.setStorageSync(KEY, { text: 'no key' });
    expect(loadDraft(KEY)).toBeNull();
  });

  it('counts text, photos or a place as worth offering again, not a prefilled phone', () => {
    expect(hasContent(freshDraft('13800138000'))).toBe(false);
    expect(hasContent({ ...freshDraft(), text: '  ' })).toBe(false);
    expect(hasContent({ ...freshDraft(), text: '噪音' })).toBe(true);
    expect(hasContent({ ...freshDraft(), photos: [{ id: 'p', url: '', thumbnailUrl: '' }] })).toBe(true);
    expect(hasContent({ ...freshDraft(), location: { lat: 1, lng: 2, address: '' } })).toBe(true);
  });

  it('keeps resident and patrol drafts apart and clears one', () => {
    saveDraft(KEY, { ...freshDraft(), text: 'resident' });
    saveDraft('zz.patrolReportDraft', { ...freshDraft(), text: 'patrol' });
    clearDraft(KEY);
    expect(loadDraft(KEY)).toBeNull();
    expect(loadDraft('zz.patrolReportDraft')?.text).toBe('patrol');
  });

  it('survives a full storage', () => {
    (Taro.setStorageSync as jest.Mock).mockImplementationOnce(() => {
      throw new Error('quota');
    });
    expect(() => saveDraft(KEY, freshDraft())).not.toThrow();
  });
});
