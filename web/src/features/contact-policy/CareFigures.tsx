import { useTranslation } from 'react-i18next';
import { describePolicy, type Cap } from '../../../../src/contact-policy/contract.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { CapRow, type FigureProps } from './CapRow.js';
import { IntegerField } from './fields.js';
import { channelNames, ruleSentence } from './ruleText.js';

/**
 * The care contact profile (debtors with an active vulnerability record): its caps, its spacing and whether it writes
 * first. It applies on top of the rest of the policy, so these figures can only make contact rarer.
 */
export function CareFields({ document, update, onValidity }: FigureProps) {
  const { t, i18n } = useTranslation();
  const lines = describePolicy(document);
  const capText = (cap: Cap) => {
    const line = lines.find((candidate) => candidate.key === `care.cap.${cap.id}`);
    return line ? ruleSentence(t, i18n.language, line) : cap.id;
  };
  const nameOf = (name: string) => t('contactPolicy.draft.careNameOf', { name });
  return (
    <fieldset className="figure-group">
      <legend>{t('contactPolicy.sections.care')}</legend>
      <p className="hint">{t('contactPolicy.rules.careApplies')}</p>
      {document.care.caps.length > 0 ? (
        <TableScroll label={t('contactPolicy.draft.careCaps')}>
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
              {document.care.caps.map((cap, index) => (
                <CapRow
                  key={cap.id}
                  idPrefix="care-cap"
                  nameOf={nameOf}
                  cap={cap}
                  text={capText(cap)}
                  update={(change) => update((draft) => change(draft.care.caps[index]!))}
                  onValidity={onValidity}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <div className="grid-form">
        {document.care.spacing.map((rule, index) => (
          <IntegerField
            key={rule.id}
            id={`care-spacing-${rule.id}`}
            label={nameOf(t('contactPolicy.draft.spacing', { channels: channelNames(t, rule.channels) }))}
            value={rule.minHours}
            min={1}
            max={24 * 31}
            onValidity={onValidity}
            onChange={(value) => update((draft) => void (draft.care.spacing[index]!.minHours = value ?? 1))}
          />
        ))}
        <div className="field checkbox-field">
          <label>
            <input
              type="checkbox"
              checked={document.care.writtenFirst}
              onChange={(event) => {
                const checked = event.target.checked;
                update((draft) => void (draft.care.writtenFirst = checked));
              }}
            />{' '}
            {t('contactPolicy.draft.careWrittenFirst')}
          </label>
        </div>
      </div>
    </fieldset>
  );
}
