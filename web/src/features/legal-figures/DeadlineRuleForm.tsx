import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { addDeadlineRule, type DeadlineRuleBody, type LegalFigures } from './api.js';
import { deadlineNameKey } from './LegalFiguresSection.js';
import { SourceField, TagSelect, ValidFromField, type FigureFormProps } from './figure-fields.js';

type Procedure = DeadlineRuleBody['procedure'];
const TAGS = ['law', 'check', 'choice'] as const;
type Tag = (typeof TAGS)[number];
type Row = LegalFigures['deadlines'][number];

/** The form's values: the deadline chosen (procedure:deadline) and its figure, prefilled from the row in force. */
interface Draft {
  choice: string;
  amount: string;
  unit: Row['unit'];
  moves: boolean;
  tag: Tag;
  source: string;
  validFrom: string;
}

const draftOf = (row: Row, validFrom: string): Draft => ({
  choice: `${row.procedure}:${row.deadline}`,
  amount: String(row.amount),
  unit: row.unit,
  moves: row.movesToWorkingDay,
  tag: row.tag,
  source: row.source,
  validFrom,
});

/**
 * Adds a deadline's figure from a day (today or later): chosen among the deadlines the procedures count, prefilled
 * with the figure in force, so a correction changes only what it corrects.
 */
export function DeadlineRuleForm({ figures, onClose, onAdded }: FigureFormProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const inForce = figures.deadlines.filter((row) => row.inForce);
  const [draft, setDraft] = useState(() => draftOf(inForce[0]!, figures.today));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const { choice, amount, unit, moves, tag, source, validFrom } = draft;
  // The form opens where the button was: the focus goes to its first field.
  useEffect(() => document.getElementById('legal-figure-deadline')?.focus(), []);

  function choose(value: string) {
    const row = inForce.find((r) => `${r.procedure}:${r.deadline}` === value);
    if (row) setDraft((d) => draftOf(row, d.validFrom));
  }

  function send() {
    void submit.run(async () => {
      const [procedure, deadline] = choice.split(':') as [Procedure, string];
      const body = {
        procedure,
        deadline,
        amount: Number(amount),
        unit,
        movesToWorkingDay: moves,
        tag,
        source,
        validFrom,
      };
      const added = await addDeadlineRule(body as DeadlineRuleBody);
      onAdded();
      return (say, format) =>
        say('legalFigures.added', {
          deadline: say(deadlineNameKey(added.procedure, added.deadline)),
          date: format.date(added.validFrom),
        });
    });
  }

  return (
    <>
      <SectionForm
        id="legal-figure-form"
        heading={t('legalFigures.form.heading')}
        submitLabel={t('legalFigures.form.submit')}
        submit={submit}
        onSubmit={send}
      >
        <DeadlineSelect inForce={inForce} value={choice} onChange={choose} />
        <LengthFields draft={draft} set={set} />
        <TagSelect id="legal-figure-tag" tags={TAGS} value={tag} onChange={(value) => set({ tag: value })} />
        <ValidFromField
          id="legal-figure-valid-from"
          today={figures.today}
          hint={t('legalFigures.form.validFromHint')}
          value={validFrom}
          onChange={(value) => set({ validFrom: value })}
        />
        <SourceField id="legal-figure-source" value={source} onChange={(value) => set({ source: value })} />
        <div className="wide checkbox-field">
          <label>
            <input type="checkbox" checked={moves} onChange={(event) => set({ moves: event.target.checked })} />{' '}
            {t('legalFigures.form.moves')}
          </label>
        </div>
      </SectionForm>
      <button type="button" className="button secondary" onClick={onClose}>
        {t('legalFigures.form.close')}
      </button>
    </>
  );
}

function DeadlineSelect({
  inForce,
  value,
  onChange,
}: {
  inForce: LegalFigures['deadlines'];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field id="legal-figure-deadline" label={t('legalFigures.form.deadline')} wide>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {(['overindebtedness', 'judicial'] as const).map((procedure) => (
            <optgroup key={procedure} label={t(`legalFigures.procedures.${procedure}`)}>
              {inForce
                .filter((row) => row.procedure === procedure)
                .map((row) => (
                  <option key={row.deadline} value={`${procedure}:${row.deadline}`}>
                    {t(deadlineNameKey(procedure, row.deadline))}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

function LengthFields({ draft, set }: { draft: Draft; set: (patch: Partial<Draft>) => void }) {
  const { t } = useTranslation();
  const { amount, unit } = draft;
  return (
    <>
      <Field id="legal-figure-amount" label={t('legalFigures.form.amount')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={240}
            required
            value={amount}
            onChange={(event) => set({ amount: event.target.value })}
          />
        )}
      </Field>
      <Field id="legal-figure-unit" label={t('legalFigures.form.unit')}>
        {(control) => (
          <select {...control} value={unit} onChange={(event) => set({ unit: event.target.value as Draft['unit'] })}>
            <option value="days">{t('legalFigures.units.days')}</option>
            <option value="months">{t('legalFigures.units.months')}</option>
          </select>
        )}
      </Field>
    </>
  );
}
