import { useTranslation } from 'react-i18next';
import { DRIVERS } from '../../../../src/care/contract.js';
import { labelOf } from '../../i18n/labels.js';

type Driver = (typeof DRIVERS)[number];

/** FG21/1's four drivers as checkboxes: one or more. */
export function DriverChoices({
  value,
  onChange,
}: {
  value: readonly Driver[];
  onChange: (drivers: Driver[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="wide">
      <legend>{t('care.record.drivers')}</legend>
      {DRIVERS.map((driver) => (
        <label key={driver} className="choice">
          <input
            type="checkbox"
            checked={value.includes(driver)}
            onChange={(e) => onChange(e.target.checked ? [...value, driver] : value.filter((each) => each !== driver))}
          />{' '}
          {labelOf(t, 'care.drivers', driver)}
        </label>
      ))}
    </fieldset>
  );
}
