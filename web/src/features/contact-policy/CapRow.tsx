import { useTranslation } from 'react-i18next';
import { capPeriod, type Cap, type CapPeriod } from '../../../../src/contact-policy/contract.js';
import type { PolicyDocument } from './api.js';
import { IntegerField } from './fields.js';
import { capName } from './ruleText.js';

export type Update = (change: (document: PolicyDocument) => void) => void;

/** What every group of the draft's figures receives. */
export interface FigureProps {
  document: PolicyDocument;
  update: Update;
  onValidity: (id: string, valid: boolean) => void;
}

const PERIODS = ['day', 'days', 'hours'] as const;

function periodOf(kind: (typeof PERIODS)[number], length: number): CapPeriod {
  if (kind === 'day') return { localDay: true };
  return kind === 'days' ? { rollingDays: length } : { rollingHours: length };
}

/** A cap's row in a table of caps: its words, its maximum, its period and the period's length. */
export function CapRow({
  idPrefix,
  nameOf = (name) => name,
  cap,
  text,
  update,
  onValidity,
}: {
  /** Keeps the fields' ids apart when two tables hold caps of the same id (the policy's own and the care profile's). */
  idPrefix: string;
  /** How the fields name the cap, from its words (the care profile's caps say they are the profile's). */
  nameOf?: (name: string) => string;
  cap: Cap;
  text: string;
  update: (change: (cap: Cap) => void) => void;
  onValidity: FigureProps['onValidity'];
}) {
  const { t, i18n } = useTranslation();
  const { per, length } = capPeriod(cap);
  const name = nameOf(capName(t, i18n.language, cap));
  return (
    <tr data-cap={cap.id}>
      <th scope="row" className="plain">
        {text}
      </th>
      <td>
        <IntegerField
          id={`${idPrefix}-${cap.id}-max`}
          ariaLabel={t('contactPolicy.draft.capMaxOf', { cap: name })}
          value={cap.max}
          min={0}
          max={1000}
          onValidity={onValidity}
          onChange={(value) => update((draft) => void (draft.max = value ?? 0))}
        />
      </td>
      <td>
        <div className="field">
          <select
            aria-label={t('contactPolicy.draft.capPerOf', { cap: name })}
            value={per}
            onChange={(event) => {
              const kind = event.target.value as (typeof PERIODS)[number];
              update((draft) => void (draft.per = periodOf(kind, kind === 'day' ? 1 : Math.max(1, length))));
            }}
          >
            {PERIODS.map((value) => (
              <option key={value} value={value}>
                {t(`contactPolicy.draft.periods.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </td>
      <td>
        {per === 'day' ? (
          t('common.none')
        ) : (
          <IntegerField
            key={per}
            id={`${idPrefix}-${cap.id}-length`}
            ariaLabel={t('contactPolicy.draft.capLengthOf', { cap: name })}
            value={length}
            min={1}
            max={per === 'days' ? 366 : 24 * 31}
            onValidity={onValidity}
            onChange={(value) => update((draft) => void (draft.per = periodOf(per, value ?? 1)))}
          />
        )}
      </td>
    </tr>
  );
}
