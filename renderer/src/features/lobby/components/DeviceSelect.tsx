import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../../ui/Icon';

export interface DeviceSelectProps {
  label: string;
  icon: IconName;
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string | null) => void;
  disabled?: boolean;
  testId: string;
}

/** One kind of device; an empty value means the system default. */
export function DeviceSelect({ label, icon, devices, value, onChange, disabled, testId }: DeviceSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const isKnown = value !== null && devices.some((d) => d.deviceId === value);
  return (
    <div className="field device-select">
      <label className="field__label device-select__label" htmlFor={id}>
        <Icon name={icon} size={16} />
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={isKnown ? value : ''}
        onChange={(event) => onChange(event.target.value || null)}
        disabled={disabled}
        data-testid={testId}
      >
        <option value="">{t('lobby.systemDefault')}</option>
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('lobby.deviceFallback', { kind: label, index: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
