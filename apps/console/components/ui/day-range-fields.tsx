import type { DayRange } from './day-range';
import { FilterInput } from './filter-bar';

/** The two date inputs of a day range; test ids are `${testIdPrefix}-from` and `-to`. */
export function DayRangeFields({
  id,
  fromLabel,
  value,
  onChange,
  testIdPrefix,
}: {
  id: string;
  fromLabel: string;
  value: DayRange;
  onChange: (range: DayRange) => void;
  testIdPrefix: string;
}) {
  return (
    <>
      <FilterInput
        id={`${id}-from`}
        label={fromLabel}
        type="date"
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
        testId={`${testIdPrefix}-from`}
      />
      <FilterInput
        id={`${id}-to`}
        label="To"
        type="date"
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        testId={`${testIdPrefix}-to`}
      />
    </>
  );
}
