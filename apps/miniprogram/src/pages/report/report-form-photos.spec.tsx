import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../services/session';
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
});
