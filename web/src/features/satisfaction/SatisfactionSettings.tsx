import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Facts } from '../../ui/Facts.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import {
  changeSatisfactionSettings,
  getSatisfactionSettings,
  type SatisfactionSettingsBody,
  type SatisfactionSettingsView,
} from './api.js';

const NUMBERS = [
  ['invitationGapDays', 1, 365],
  ['interactionWindowDays', 1, 30],
  ['tokenValidDays', 1, 60],
  ['minimumAnswers', 1, 1000],
] as const;

/**
 * The survey's settings: read by every supervisor of the figures, changed from now on by a compliance officer or a
 * manager, with the reason why (the trail keeps the figures before and after).
 */
export function SatisfactionSettings({ mayChange, onChanged }: { mayChange: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const settings = useApiData((signal) => getSatisfactionSettings(signal), 'satisfaction-settings');
  // What the last save returned: the form stays on screen with its confirmation, no reload in between.
  const [saved, setSaved] = useState<SatisfactionSettingsView | null>(null);
  return (
    <section className="card" aria-labelledby="satisfaction-settings-heading">
      <h2 id="satisfaction-settings-heading">{t('satisfaction.settings.heading')}</h2>
      <AsyncContent data={settings} onRetry={settings.reload}>
        {(found) =>
          mayChange ? (
            <SettingsForm
              current={saved ?? found}
              onSaved={(view) => {
                setSaved(view);
                onChanged();
              }}
            />
          ) : (
            <SettingsFacts current={found} />
          )
        }
      </AsyncContent>
    </section>
  );
}

function SettingsFacts({ current }: { current: SatisfactionSettingsView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Facts
      items={[
        ...NUMBERS.map(([key]) => ({ label: t(`satisfaction.settings.${key}`), value: format.count(current[key]) })),
        {
          label: t('satisfaction.settings.askRecommendation'),
          value: t(current.askRecommendation ? 'satisfaction.settings.yes' : 'satisfaction.settings.no'),
        },
        { label: t('satisfaction.settings.source'), value: current.source },
        { label: t('satisfaction.settings.updatedAt'), value: format.dateTime(current.updatedAt) },
      ]}
    />
  );
}

function SettingsForm({
  current,
  onSaved,
}: {
  current: SatisfactionSettingsView;
  onSaved: (view: SatisfactionSettingsView) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  const [values, setValues] = useState<Record<(typeof NUMBERS)[number][0], string>>({
    invitationGapDays: String(current.invitationGapDays),
    interactionWindowDays: String(current.interactionWindowDays),
    tokenValidDays: String(current.tokenValidDays),
    minimumAnswers: String(current.minimumAnswers),
  });
  const [askRecommendation, setAskRecommendation] = useState(current.askRecommendation);
  const [source, setSource] = useState('');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: SatisfactionSettingsBody = {
      invitationGapDays: Number(values.invitationGapDays),
      interactionWindowDays: Number(values.interactionWindowDays),
      tokenValidDays: Number(values.tokenValidDays),
      minimumAnswers: Number(values.minimumAnswers),
      askRecommendation,
      source: source.trim(),
    };
    let view: SatisfactionSettingsView | null = null;
    await submit.run(async () => {
      view = await changeSatisfactionSettings(body);
      return (t) => t('satisfaction.settings.saved');
    });
    if (view) {
      setSource('');
      onSaved(view);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <p className="muted">
        {t('satisfaction.settings.current', { source: current.source, day: format.dateTime(current.updatedAt) })}
      </p>
      <div className="grid-form">
        {NUMBERS.map(([key, min, max]) => (
          <div className="field" key={key}>
            <label htmlFor={`satisfaction-${key}`}>{t(`satisfaction.settings.${key}`)}</label>
            <input
              id={`satisfaction-${key}`}
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={1}
              required
              value={values[key]}
              aria-describedby={`satisfaction-${key}-hint`}
              onChange={(event) => setValues((before) => ({ ...before, [key]: event.target.value }))}
            />
            <p id={`satisfaction-${key}-hint`} className="hint">
              {t(`satisfaction.settings.hints.${key}`, { min, max })}
            </p>
          </div>
        ))}
      </div>
      <div>
        <label className="choice">
          <input
            type="checkbox"
            checked={askRecommendation}
            aria-describedby="satisfaction-askRecommendation-hint"
            onChange={(event) => setAskRecommendation(event.target.checked)}
          />{' '}
          {t('satisfaction.settings.askRecommendation')}
        </label>
        <p id="satisfaction-askRecommendation-hint" className="hint">
          {t('satisfaction.settings.hints.askRecommendation')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="satisfaction-source">{t('satisfaction.settings.reason')}</label>
        <textarea
          id="satisfaction-source"
          rows={2}
          required
          maxLength={500}
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {t('satisfaction.settings.save')}
        </button>
      </div>
      <SubmitFeedback submit={submit} />
    </form>
  );
}
