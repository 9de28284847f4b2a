import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { chooseOnMap, getCurrentLocation, type LocationResult, type PickedLocation } from '../../services/location';
import './index.css';

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
}

const isWeapp = process.env.TARO_ENV === 'weapp';

export function LocationPicker({ value, onChange, locate = getCurrentLocation, pickOnMap = chooseOnMap }: LocationPickerProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

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
        <Text id='location-use-current' className={`location-btn ${busy ? 'location-btn--busy' : ''}`} onClick={() => void useCurrent()}>
          {busy ? '正在定位…' : '使用当前位置'}
        </Text>
        {isWeapp ? (
          <Text id='location-choose-map' className='location-btn' onClick={async () => apply(await pickOnMap())}>
            在地图上选择
          </Text>
        ) : null}
        {hasPoint ? (
          <Text id='location-clear' className='location-btn location-btn--plain' onClick={() => onChange({ ...value, lat: null, lng: null })}>
            清除定位
          </Text>
        ) : null}
      </View>
      {hasPoint ? (
        <Text id='location-coords' className='location-coords'>{`已定位 ${value.lat!.toFixed(5)}, ${value.lng!.toFixed(5)}`}</Text>
      ) : null}
      <View id='location-address' className='location-address'>
        <Input
          className='input'
          value={value.address}
          maxlength={200}
          placeholder='详细地址,如 XX街道XX小区X号楼'
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
