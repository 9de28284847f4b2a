import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { chooseOnMap, getCurrentLocation, type LocationResult, type PickedLocation } from '../../services/location';
import { describePlace, type PlaceDescription } from '../../services/reports.api';
import type { ApiResult } from '../../services/request';
import { AreaMap } from '../area-map';
import './index.css';

export const OUTSIDE_NOTICE = '这个位置不在本系统服务的网格范围内。仍可提交,综治中心会先核实地点再处理;如地点不对,请重新定位或在下方填写地址。';

/** A place for the report: coordinates (GCJ-02) when known, and an address the user can always type. */
export interface LocationValue {
  lat: number | null;
  lng: number | null;
  address: string;
}

export const EMPTY_LOCATION: LocationValue = { lat: null, lng: null, address: '' };

export interface LocationPickerProps {
  value: LocationValue;
  onChange: (value: LocationValue) => void;
  /** Seams for tests; the defaults are the real thing. */
  locate?: () => Promise<LocationResult>;
  pickOnMap?: () => Promise<LocationResult | null>;
  describe?: (lat: number, lng: number) => Promise<ApiResult<PlaceDescription>>;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

export function LocationPicker({ value, onChange, locate = getCurrentLocation, pickOnMap = chooseOnMap, describe = describePlace }: LocationPickerProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // The point in words and on the grid map, from the organisation tree; null while unknown.
  const [place, setPlace] = useState<{ key: string; result: PlaceDescription | 'unknown' } | null>(null);
  const pointKey = value.lat !== null && value.lng !== null ? `${value.lat},${value.lng}` : '';

  useEffect(() => {
    if (!pointKey) return undefined;
    let live = true;
    describe(value.lat!, value.lng!).then((r) => {
      if (live) setPlace({ key: pointKey, result: r.ok ? r.data : 'unknown' });
    });
    return () => {
      live = false;
    };
  }, [pointKey]);
  const known = place && place.key === pointKey ? place.result : null;

  const apply = (r: LocationResult | null) => {
    if (!r) return;
    if (!r.ok) {
      setMessage(r.message);
      return;
    }
    setMessage('');
    const picked: PickedLocation = r.location;
    // A typed address is kept unless the map gave a better one.
    onChange({ lat: picked.lat, lng: picked.lng, address: picked.address || value.address });
  };

  const useCurrent = async () => {
    if (busy) return;
    setBusy(true);
    apply(await locate());
    setBusy(false);
  };

  const hasPoint = value.lat !== null && value.lng !== null;
  return (
    <View id='location-picker' className='location-picker'>
      <View className='location-actions'>
        {isWeapp ? (
          // WeChat's own chooser: opens at the current position and gives the place's name and address.
          <Text id='location-choose-map' className='location-btn location-btn--main' onClick={async () => apply(await pickOnMap())}>
            选择位置
          </Text>
        ) : null}
        <Text id='location-use-current' className={`location-btn ${busy ? 'location-btn--busy' : ''}`} onClick={() => void useCurrent()}>
          {busy ? '正在定位…' : '使用当前位置'}
        </Text>
        {hasPoint ? (
          <Text id='location-clear' className='location-btn location-btn--plain' onClick={() => onChange({ ...value, lat: null, lng: null })}>
            清除定位
          </Text>
        ) : null}
      </View>
      {hasPoint ? (
        <View className='location-place' id='location-point' data-lat={String(value.lat)} data-lng={String(value.lng)}>
          <Text id='location-coords' className='location-coords'>
            {!known
              ? '已定位,正在识别地点…'
              : known === 'unknown'
                ? '已定位(暂时无法识别地点名称,请在下方填写详细地址)'
                : known.inside
                  ? `已定位:${known.description}`
                  : '已定位:不在服务范围内'}
          </Text>
          {known && known !== 'unknown' && !known.inside ? (
            <Text id='location-outside' className='location-outside'>
              {OUTSIDE_NOTICE}
            </Text>
          ) : null}
          {known && known !== 'unknown' && known.areas.length ? (
            <AreaMap id='location-map' areas={known.areas} points={[{ lat: value.lat!, lng: value.lng!, riskLevel: 'high' }]} height={280} legend={false} />
          ) : null}
        </View>
      ) : null}
      <View id='location-address' className='location-address'>
        <Input
          className='input'
          value={value.address}
          maxlength={200}
          placeholder='如 幸福小区3号楼2单元'
          onInput={(e) => onChange({ ...value, address: e.detail.value })}
        />
      </View>
      {message ? (
        <Text id='location-message' className='location-message'>
          {message}
        </Text>
      ) : null}
    </View>
  );
}
