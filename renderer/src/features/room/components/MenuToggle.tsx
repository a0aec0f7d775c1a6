import { Icon } from '../../../ui/Icon';

/** The small chevron beside a control bar button that opens its menu (devices, caption options). */
export function MenuToggle(props: {
  label: string;
  menuId: string;
  isOpen: boolean;
  onToggle: () => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      className="room-control room-control--compact"
      aria-expanded={props.isOpen}
      aria-controls={props.menuId}
      aria-label={props.label}
      title={props.label}
      onClick={props.onToggle}
      data-testid={props.testId}
    >
      <Icon name="chevronUp" size={16} />
    </button>
  );
}
