import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  DAY_TYPES,
  describePolicy,
  HOLD_KINDS,
  type Cap,
  type Channel,
} from '../../../../src/contact-policy/contract.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { IntegerField, RangesField } from './fields.js';
import { CapRow, type FigureProps as Props } from './CapRow.js';
import { CareFields } from './CareFigures.js';
import { channelNames, countryName, ruleSentence } from './ruleText.js';

const HOLD_LENGTHS = [
  { field: 'defaultDays', label: 'contactPolicy.draft.holdDefaultDays' },
  { field: 'maxDays', label: 'contactPolicy.draft.holdMaxDays' },
] as const;

/** Forms for the figures a compliance officer changes most: hours, caps, spacing, pause, holds, callbacks. */
export function DraftFigures(props: Props) {
  return (
    <div className="draft-figures">
      <HoursFields {...props} />
      <CapsFields {...props} />
      <SpacingFields {...props} />
      <HoldsFields {...props} />
      <CareFields {...props} />
    </div>
  );
}

/** The hours of contact of each country, by type of day. */
function HoursFields({ document, update, onValidity }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {Object.keys(document.windows)
        .sort()
        .map((country) => (
          <fieldset key={country} className="figure-group">
            <legend>{t('contactPolicy.draft.hours', { country: countryName(country, i18n.language) })}</legend>
            <p className="hint" id={`hours-${country}-hint`}>
              {t('contactPolicy.draft.hoursHint')}
            </p>
            <div className="grid-form hours-grid">
              {DAY_TYPES.map((day) => (
                <RangesField
                  key={day}
                  id={`hours-${country}-${day}`}
                  label={t('contactPolicy.draft.dayHours', {
                    country: countryName(country, i18n.language),
                    day: t(`contactPolicy.days.${day}`),
                  })}
                  value={document.windows[country]![day]}
                  onValidity={onValidity}
                  onChange={(ranges) => update((draft) => void (draft.windows[country]![day] = ranges))}
                />
              ))}
            </div>
          </fieldset>
        ))}
    </>
  );
}

/** The caps on contacts: each cap's maximum and its period. */
function CapsFields({ document, update, onValidity }: Props) {
  const { t, i18n } = useTranslation();
  const lines = describePolicy(document);
  const capText = (cap: Cap) => {
    const line = lines.find((candidate) => candidate.key === `cap.${cap.id}`);
    return line ? ruleSentence(t, i18n.language, line) : cap.id;
  };
  return (
    <fieldset className="figure-group">
      <legend>{t('contactPolicy.draft.caps')}</legend>
      <TableScroll label={t('contactPolicy.draft.caps')}>
        <table className="caps-table">
          <thead>
            <tr>
              <th scope="col">{t('contactPolicy.draft.capRule')}</th>
              <th scope="col">{t('contactPolicy.draft.capMax')}</th>
              <th scope="col">{t('contactPolicy.draft.capPer')}</th>
              <th scope="col">{t('contactPolicy.draft.capLength')}</th>
            </tr>
          </thead>
          <tbody>
            {document.caps.map((cap, index) => (
              <CapRow
                key={cap.id}
                idPrefix="cap"
                cap={cap}
                text={capText(cap)}
                update={(change) => update((draft) => change(draft.caps[index]!))}
                onValidity={onValidity}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </fieldset>
  );
}

/** The least time between two contacts, the pause after a conversation, the tolerance of a callback. */
function SpacingFields({ document, update, onValidity }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="figure-group">
      <legend>{t('contactPolicy.sections.spacing')}</legend>
      <div className="grid-form">
        {document.spacing.map((rule, index) => (
          <IntegerField
            key={rule.id}
            id={`spacing-${rule.id}`}
            label={t('contactPolicy.draft.spacing', { channels: channelNames(t, rule.channels) })}
            value={rule.minHours}
            min={1}
            max={24 * 31}
            onValidity={onValidity}
            onChange={(value) => update((draft) => void (draft.spacing[index]!.minHours = value ?? 1))}
          />
        ))}
        <IntegerField
          id="pause-days"
          label={t('contactPolicy.draft.pauseDays')}
          value={document.pauseAfterConversation.days}
          min={0}
          max={90}
          onValidity={onValidity}
          onChange={(value) => update((draft) => void (draft.pauseAfterConversation.days = value ?? 0))}
        />
        <IntegerField
          id="callback-tolerance"
          label={t('contactPolicy.draft.callbackTolerance')}
          value={document.preferences.callback.toleranceMinutes}
          min={0}
          max={120}
          onValidity={onValidity}
          onChange={(value) => update((draft) => void (draft.preferences.callback.toleranceMinutes = value ?? 0))}
        />
      </div>
    </fieldset>
  );
}

/** What each kind of hold stops, and how long it lasts by default and at most. */
function HoldsFields({ document, update, onValidity }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="figure-group">
      <legend>{t('contactPolicy.draft.holds')}</legend>
      <TableScroll label={t('contactPolicy.draft.holds')}>
        <table className="holds-table">
          <thead>
            <tr>
              <th scope="col">{t('contactPolicy.draft.holds')}</th>
              {CHANNELS.map((channel) => (
                <th scope="col" key={channel}>
                  {t(`values.channels.${channel}`)}
                </th>
              ))}
              <th scope="col">{t('contactPolicy.draft.holdDefaultDays')}</th>
              <th scope="col">{t('contactPolicy.draft.holdMaxDays')}</th>
            </tr>
          </thead>
          <tbody>
            {HOLD_KINDS.map((kind) => (
              <HoldRow key={kind} kind={kind} document={document} update={update} onValidity={onValidity} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t('contactPolicy.draft.optional')}</p>
    </fieldset>
  );
}

function HoldRow({ kind, document, update, onValidity }: Props & { kind: (typeof HOLD_KINDS)[number] }) {
  const { t } = useTranslation();
  const hold = document.holds[kind];
  const name = t(`values.holdKinds.${kind}`);
  const toggle = (channel: Channel, on: boolean) =>
    update((draft) => {
      const stops = new Set(draft.holds[kind].stops);
      if (on) stops.add(channel);
      else stops.delete(channel);
      draft.holds[kind].stops = CHANNELS.filter((candidate) => stops.has(candidate));
    });
  return (
    <tr>
      <th scope="row">{name}</th>
      {CHANNELS.map((channel) => (
        <td key={channel} className="center">
          <input
            type="checkbox"
            aria-label={t('contactPolicy.draft.holdStopsOf', {
              hold: name,
              channel: t(`values.channels.${channel}`),
            })}
            checked={hold.stops.includes(channel)}
            onChange={(event) => toggle(channel, event.target.checked)}
          />
        </td>
      ))}
      {HOLD_LENGTHS.map(({ field, label }) => (
        <td key={field}>
          <IntegerField
            id={`hold-${kind}-${field}`}
            ariaLabel={t('contactPolicy.draft.holdFigureOf', { hold: name, figure: t(label) })}
            value={hold[field]}
            optional
            min={1}
            max={3650}
            onValidity={onValidity}
            onChange={(value) => update((draft) => setOptional(draft.holds[kind], field, value))}
          />
        </td>
      ))}
    </tr>
  );
}

function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined) {
  if (value === undefined) delete target[key];
  else target[key] = value;
}
