import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { DeviceOption } from '../../../room/media/capture';
import { useRoomClient, useRoomState } from '../hooks';
import { MenuToggle } from './MenuToggle';

function DeviceSelect({
  label,
  devices,
  value,
  unnamed,
  onChange,
  testId,
}: {
  label: string;
  devices: DeviceOption[];
  value: string | null;
  unnamed: (index: number) => string;
  onChange: (deviceId: string) => void;
  testId: string;
}) {
  const id = useId();
  const { t } = useTranslation('room');
  return (
    <div className="device-menu__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        {value === null ? <option value="">{t('controls.systemDefault')}</option> : null}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || unnamed(index + 1)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Switch microphone or camera mid-meeting; the new device replaces the old one's track in place. */
export function DeviceMenu() {
  const { t } = useTranslation('room');
  const controller = useRoomClient();
  const [isOpen, setIsOpen] = useState(false);
  const microphones = useRoomState(useShallow((s) => s.devices.filter((d) => d.kind === 'audioinput')));
  const cameras = useRoomState(useShallow((s) => s.devices.filter((d) => d.kind === 'videoinput')));
  const micDeviceId = useRoomState((s) => s.micDeviceId);
  const cameraDeviceId = useRoomState((s) => s.cameraDeviceId);
  const menuId = useId();

  const toggle = () => {
    if (!isOpen) void controller.refreshDevices();
    setIsOpen(!isOpen);
  };

  return (
    <div className="device-menu">
      <MenuToggle
        label={t('controls.devices')}
        menuId={menuId}
        isOpen={isOpen}
        onToggle={toggle}
        testId="device-menu-toggle"
      />
      {isOpen ? (
        <div className="device-menu__panel" id={menuId} role="group" aria-label={t('controls.devices')}>
          <DeviceSelect
            label={t('controls.microphone')}
            devices={microphones}
            value={micDeviceId}
            unnamed={(index) => t('controls.unnamedMicrophone', { index })}
            onChange={(deviceId) => void controller.switchMicrophone(deviceId)}
            testId="room-mic-select"
          />
          <DeviceSelect
            label={t('controls.camera')}
            devices={cameras}
            value={cameraDeviceId}
            unnamed={(index) => t('controls.unnamedCamera', { index })}
            onChange={(deviceId) => void controller.switchCamera(deviceId)}
            testId="room-camera-select"
          />
        </div>
      ) : null}
    </div>
  );
}
