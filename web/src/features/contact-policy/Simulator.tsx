import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describePolicy, type RuleLine } from '../../../../src/contact-policy/contract.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { simulatePolicy, type PolicyDocument, type SimulationResult, type SimulationRule } from './api.js';
import { IntegerField } from './fields.js';
import { ruleSentence } from './ruleText.js';

/** The words of a rule a refusal names: its line in the draft (or the version in force), else its fixed name. */
function useRuleLabel(draft: PolicyDocument, current: PolicyDocument) {
  const { t, i18n } = useTranslation();
  const lines = new Map<string, RuleLine>();
  for (const line of [...describePolicy(current), ...describePolicy(draft)]) lines.set(line.key, line);
  return (rule: string) => {
    const line = lines.get(rule);
    if (line) return ruleSentence(t, i18n.language, line);
    return t(`contactPolicy.simulator.fixedRules.${rule}`, { defaultValue: rule });
  };
}

/** The rules where the draft differs first (largest difference first), then by how often the draft refuses. */
function rulesByDifference(rules: SimulationRule[]): SimulationRule[] {
  const difference = (rule: SimulationRule) => Math.abs(rule.refusedByDraft - rule.refusedByCurrent);
  return [...rules].sort((a, b) => difference(b) - difference(a) || b.refusedByDraft - a.refusedByDraft);
}

/** Replays the last N days of real contacts against the draft as it stands in the editor. */
export function Simulator({ draft, current }: { draft: PolicyDocument; current: PolicyDocument }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | undefined>(30);
  const [daysValid, setDaysValid] = useState(true);
  const simulation = useSubmit();
  const running = simulation.busy;
  const [result, setResult] = useState<SimulationResult | null>(null);
  const onValidity = useCallback((_id: string, valid: boolean) => setDaysValid(valid), []);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!daysValid || days === undefined) return;
    await simulation.run(async () => {
      try {
        setResult(await simulatePolicy({ days, policy: draft }));
      } catch (caught) {
        setResult(null);
        throw caught;
      }
    });
  }

  return (
    <section aria-labelledby="simulator-heading" className="card">
      <h2 id="simulator-heading">{t('contactPolicy.simulator.heading')}</h2>
      <p className="muted">{t('contactPolicy.simulator.intro')}</p>
      <form className="inline-filters" onSubmit={(event) => void run(event)} aria-labelledby="simulator-heading">
        <IntegerField
          id="simulator-days"
          label={t('contactPolicy.simulator.days')}
          hint={t('contactPolicy.simulator.daysHint')}
          value={days}
          min={1}
          max={90}
          onValidity={onValidity}
          onChange={setDays}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={running}>
            {running ? t('contactPolicy.simulator.running') : t('contactPolicy.simulator.run')}
          </button>
        </div>
      </form>
      <div role="status" className="status-area">
        {running ? <p>{t('contactPolicy.simulator.running')}</p> : null}
      </div>
      {simulation.error ? (
        <ProblemMessage error={simulation.error} title={t('contactPolicy.simulator.failed')} />
      ) : null}
      {result ? <SimulationView result={result} draft={draft} current={current} /> : null}
    </section>
  );
}

function SimulationView({
  result,
  draft,
  current,
}: {
  result: SimulationResult;
  draft: PolicyDocument;
  current: PolicyDocument;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useRuleLabel(draft, current);
  return (
    <div className="simulation" aria-live="polite">
      <p>
        {t('contactPolicy.simulator.summary', {
          from: format.dateTime(result.from),
          to: format.dateTime(result.to),
          contacts: format.count(result.contacts),
          changed: format.count(result.changed),
        })}
      </p>
      {result.truncated ? <p className="warning-text">{t('contactPolicy.simulator.truncated')}</p> : null}
      <dl className="figures">
        <div className="figure">
          <dt>{t('contactPolicy.simulator.refusedByDraft')}</dt>
          <dd>{format.count(result.refusedByDraft)}</dd>
        </div>
        <div className="figure">
          <dt>{t('contactPolicy.simulator.allowedByDraft')}</dt>
          <dd>{format.count(result.allowedByDraft)}</dd>
        </div>
      </dl>
      {result.rules.length === 0 ? (
        <p>{t('contactPolicy.simulator.noRules')}</p>
      ) : (
        <TableScroll label={t('contactPolicy.simulator.rulesCaption')}>
          <table className="simulation-table">
            <caption>{t('contactPolicy.simulator.rulesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contactPolicy.simulator.rule')}</th>
                <th scope="col" className="number">
                  {t('contactPolicy.simulator.byDraft')}
                </th>
                <th scope="col" className="number">
                  {t('contactPolicy.simulator.byCurrent')}
                </th>
                <th scope="col" className="number">
                  {t('contactPolicy.simulator.difference')}
                </th>
                <th scope="col">{t('contactPolicy.simulator.examples')}</th>
              </tr>
            </thead>
            <tbody>
              {rulesByDifference(result.rules).map((rule) => {
                const difference = rule.refusedByDraft - rule.refusedByCurrent;
                return (
                  <tr key={rule.rule} data-rule={rule.rule}>
                    <th scope="row" className="plain">
                      {label(rule.rule)}
                    </th>
                    <td className="number">{format.count(rule.refusedByDraft)}</td>
                    <td className="number">{format.count(rule.refusedByCurrent)}</td>
                    <td className="number">
                      {difference > 0 ? `+${format.count(difference)}` : format.count(difference)}
                    </td>
                    <td>
                      {rule.examples.length === 0 ? (
                        t('contactPolicy.simulator.noExamples')
                      ) : (
                        <ul className="plain-list">
                          {rule.examples.map((example) => (
                            <li key={example.contactId}>
                              <Link to={`/cases/${example.caseId}`}>
                                {t('contactPolicy.simulator.example', {
                                  channel: t(`values.channels.${example.channel}`),
                                  date: format.dateTime(example.at),
                                  reference: example.caseReference,
                                })}
                              </Link>{' '}
                              <span className="muted">
                                {t(`contactPolicy.simulator.exampleAnswer.${example.answer}`)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
