/**
 * A row of radio choices drawn as one control (arrow keys move between them,
 * as in any radio group). Each option's input gets `${testIdPrefix}-${value}`.
 */
export function SegmentedControl<Value extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  testIdPrefix,
  testId,
}: {
  legend: string;
  name: string;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  testIdPrefix: string;
  testId?: string;
}) {
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend className="field__label">{legend}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option" data-checked={value === option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              data-testid={`${testIdPrefix}-${option.value}`}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
