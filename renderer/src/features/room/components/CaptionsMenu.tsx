import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptionsSizeSchema } from '@meetai/shared';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { useCaptionsPreferences } from '../use-captions-preferences';
import { MenuToggle } from './MenuToggle';

/** The chevron beside the CC button: how large captions are drawn (remembered for next time). */
export function CaptionsMenu() {
  const { t } = useTranslation('room');
  const { size, setSize } = useCaptionsPreferences();
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();

  return (
    <div className="device-menu">
      <MenuToggle
        label={t('controls.captionOptions')}
        menuId={menuId}
        isOpen={isOpen}
        onToggle={() => setIsOpen(!isOpen)}
        testId="captions-menu-toggle"
      />
      {isOpen ? (
        <div className="device-menu__panel" id={menuId} role="group" aria-label={t('controls.captionOptions')}>
          <SegmentedControl
            legend={t('captions.size')}
            name={`${menuId}-size`}
            options={CaptionsSizeSchema.options.map((value) => ({ value, label: t(`captions.sizes.${value}`) }))}
            value={size}
            onChange={setSize}
            testIdPrefix="captions-size"
          />
        </div>
      ) : null}
    </div>
  );
}
