import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Conditions, Segment, StrategyDocument, Treatment } from './api.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { labelOf, RECORD_TEXT_LANG } from '../../../i18n/labels.js';

/** Each condition of a segment as a sentence; an empty list means the segment takes every remaining case. */
export function conditionLines(when: Conditions, t: TFunction, format: Formatters): string[] {
  const or = t('supervision.strategies.or');
  const list = (values: readonly string[], group: string) => values.map((value) => labelOf(t, group, value)).join(or);
  const lines: string[] = [];
  if (when.creditors) lines.push(t('supervision.strategies.conditions.creditors', { list: when.creditors.join(', ') }));
  if (when.stages) lines.push(t('supervision.strategies.conditions.stages', { list: list(when.stages, 'stages') }));
  const { minBalanceCents: minBalance, maxBalanceCents: maxBalance } = when;
  if (minBalance !== undefined && maxBalance !== undefined) {
    lines.push(
      t('supervision.strategies.conditions.balanceBetween', {
        min: format.money(minBalance),
        max: format.money(maxBalance),
      }),
    );
  } else if (minBalance !== undefined) {
    lines.push(t('supervision.strategies.conditions.balanceMin', { min: format.money(minBalance) }));
  } else if (maxBalance !== undefined) {
    lines.push(t('supervision.strategies.conditions.balanceMax', { max: format.money(maxBalance) }));
  }
  const { minAgeDays: minAge, maxAgeDays: maxAge } = when;
  if (minAge !== undefined && maxAge !== undefined) {
    lines.push(
      t('supervision.strategies.conditions.ageBetween', { min: format.count(minAge), max: format.count(maxAge) }),
    );
  } else if (minAge !== undefined) {
    lines.push(t('supervision.strategies.conditions.ageMin', { count: minAge }));
  } else if (maxAge !== undefined) {
    lines.push(t('supervision.strategies.conditions.ageMax', { count: maxAge }));
  }
  if (when.lastOutcomes)
    lines.push(
      t('supervision.strategies.conditions.lastOutcomes', {
        list: list(when.lastOutcomes, 'supervision.strategies.lastOutcomes'),
      }),
    );
  if (when.minBrokenPromises !== undefined)
    lines.push(t('supervision.strategies.conditions.brokenPromises', { count: when.minBrokenPromises }));
  if (when.planStates)
    lines.push(
      t('supervision.strategies.conditions.planStates', {
        list: list(when.planStates, 'supervision.strategies.planStates'),
      }),
    );
  if (when.vulnerable !== undefined)
    lines.push(
      t(
        when.vulnerable
          ? 'supervision.strategies.conditions.vulnerable'
          : 'supervision.strategies.conditions.notVulnerable',
      ),
    );
  if (when.languages)
    lines.push(
      t('supervision.strategies.conditions.languages', {
        list: list(when.languages, 'supervision.strategies.languages'),
      }),
    );
  return lines;
}

/** "Équipe amiable ; canaux : Téléphone, puis SMS ; priorité 600 sur 1000." */
export function treatmentLine(treatment: Treatment, t: TFunction): string {
  return t('supervision.strategies.treatmentLine', {
    team: labelOf(t, 'supervision.strategies.teamKinds', treatment.team),
    channels: treatment.channels
      .map((channel) => labelOf(t, 'values.channels', channel))
      .join(t('supervision.strategies.then')),
    priority: treatment.priority,
  });
}

function SegmentRule({ segment, number, idPrefix }: { segment: Segment; number: number; idPrefix: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lines = conditionLines(segment.when, t, format);
  const headingId = `${idPrefix}-segment-${segment.id}`;
  return (
    <li className="strategy-segment" data-segment={segment.id}>
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span lang={RECORD_TEXT_LANG}>
            {t('supervision.strategies.segmentHeading', { number, name: segment.name })}
          </span>{' '}
          <span className="heading-sub">{t('supervision.strategies.segmentId', { id: segment.id })}</span>
        </h3>
        <div className="segment-body">
          <div>
            <p className="rule-label">{t('supervision.strategies.when')}</p>
            {lines.length === 0 ? (
              <p className="segment-conditions">{t('supervision.strategies.everyOther')}</p>
            ) : (
              <ul className="rule-list segment-conditions">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <p className="rule-label">{t('supervision.strategies.treatment')}</p>
            <p className="segment-treatment">{treatmentLine(segment.treatment, t)}</p>
            {segment.challenger ? (
              <div className="segment-challenger">
                <p className="rule-label">
                  {t('supervision.strategies.challengerHeading', { share: segment.challenger.sharePercent })}
                </p>
                <p className="segment-challenger-treatment">{treatmentLine(segment.challenger.treatment, t)}</p>
                <p className="hint">{t('supervision.strategies.challengerHint')}</p>
                {segment.challenger.note ? (
                  <p lang={RECORD_TEXT_LANG}>
                    {t('supervision.strategies.challengerNote', { note: segment.challenger.note })}
                  </p>
                ) : null}
              </div>
            ) : null}
          </div>
        </div>
      </section>
    </li>
  );
}

/** A strategy as readable rules: its segments in the order they apply, each with its conditions and treatment. */
export function StrategyRules({ document, idPrefix }: { document: StrategyDocument; idPrefix: string }) {
  return (
    <ol className="strategy-segments">
      {document.segments.map((segment, index) => (
        <SegmentRule key={segment.id} segment={segment} number={index + 1} idPrefix={idPrefix} />
      ))}
    </ol>
  );
}
