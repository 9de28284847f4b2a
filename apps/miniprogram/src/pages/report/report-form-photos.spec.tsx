import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../services/session';
import { uploadPhoto } from '../../services/uploads.api';
import { ReportForm } from './report-form';

jest.mock('../../services/uploads.api', () => ({
  photoUrl: (p: string) => p,
  uploadPhoto: jest.fn(async () => ({
    ok: true,
    status: 201,
    data: { id: 'photo-1', url: '/u/photo-1', thumbnailUrl: '/u/photo-1?t', width: 10, height: 10, gps: { lat: 39.908735, lng: 116.397741 } },
  })),
}));

const mockRequest = Taro.request as jest.Mock;

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => 'blob:local/1');
  URL.revokeObjectURL = jest.fn();
});

function setup() {
  saveSession({ accessToken: 't', user: { id: 'u1', role: 'resident', displayName: '张三' }, phone: '13800138000' });
  mockRequest.mockResolvedValue({ statusCode: 201, data: { id: 't1', caseCode: 'X', status: 'submitted' }, header: {} });
  const view = render(<ReportForm defaultPhone='' onSubmitted={jest.fn()} onLoginRequired={jest.fn()} />);
  fireEvent.change(view.container.querySelector('#report-text')!, { target: { value: '小区门口井盖丢了' } });
  return view;
}

const sent = () => mockRequest.mock.calls[mockRequest.mock.calls.length - 1][0].data;

describe('ReportForm with photos and location', () => {
  it('sends the uploaded photo ids and offers the photo position as the location', async () => {
    const { container } = setup();
    const input = container.querySelector('#photo-picker input[type=file]') as HTMLInputElement;
    await act(async () => fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' })] } }));
    await waitFor(() => expect(container.querySelector('#location-use-photo')).not.toBeNull());
    fireEvent.click(container.querySelector('#location-use-photo')!);
    expect(container.querySelector('#location-use-photo')).toBeNull();
    fireEvent.change(container.querySelector('#location-address input')!, { target: { value: '幸福路1号' } });
    await act(async () => fireEvent.click(container.querySelector('#report-submit')!));
    expect(sent()).toMatchObject({ photoIds: ['photo-1'], location: { lat: 39.908735, lng: 116.397741, address: '幸福路1号' } });
  });

  it('sends a typed address without coordinates inside the text, and no location', async () => {
    const { container } = setup();
    fireEvent.change(container.querySelector('#location-address input')!, { target: { value: '和平街道3号楼' } });
    await act(async () => fireEvent.click(container.querySelector('#report-submit')!));
    expect(sent().location).toBeUndefined();
    expect(sent().photoIds).toBeUndefined();
    expect(sent().text).toBe('小区门口井盖丢了\n地点:和平街道3号楼');
  });

  it('never sends silently without a photo that failed: it asks first', async () => {
    (uploadPhoto as jest.Mock).mockImplementationOnce(async () => ({ ok: false, status: 0, code: 'NETWORK.ERROR', message: '网络连接失败', errors: {} }));
    const { container } = setup();
    const input = container.querySelector('#photo-picker input[type=file]') as HTMLInputElement;
    await act(async () => fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' })] } }));
    await waitFor(() => expect(container.querySelector('.photo-picker-item[data-status="failed"]')).not.toBeNull());
    const before = mockRequest.mock.calls.length;
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => fireEvent.click(container.querySelector('#report-submit')!));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '有照片没有上传成功' }));
    expect(mockRequest.mock.calls.slice(before).filter((c) => c[0].url.endsWith('/reports'))).toHaveLength(0);
    expect(container.querySelector('#report-error')).toHaveTextContent('1张照片上传失败');
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, cancel: false });
    await act(async () => fireEvent.click(container.querySelector('#report-submit')!));
    expect(sent().photoIds).toBeUndefined();
  });
});
