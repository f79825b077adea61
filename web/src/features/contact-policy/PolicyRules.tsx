import { useTranslation } from 'react-i18next';
import {
  describePolicy,
  diffPolicies,
  groupBySection,
  isEmptyDiff,
  type PolicyDiff,
  type RuleLine,
} from '../../../../src/contact-policy/contract.js';
import type { PolicyDocument } from './api.js';
import { RuleBasis, RuleLineText } from './ruleText.js';

function RuleItems({ lines }: { lines: RuleLine[] }) {
  return (
    <ul className="rule-list">
      {lines.map((line) => (
        <li key={line.key} data-rule={line.key}>
          <RuleLineText line={line} /> <RuleBasis line={line} />
        </li>
      ))}
    </ul>
  );
}

/** The whole policy as readable rules, one list per section; each rule with its basis and source. */
export function PolicyRules({ document, idPrefix }: { document: PolicyDocument; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="policy-rules">
      {groupBySection(describePolicy(document)).map((group) => {
        const headingId = `${idPrefix}-${group.section}`;
        return (
          <section key={group.section} aria-labelledby={headingId} className="policy-section">
            <h3 id={headingId}>{t(`contactPolicy.sections.${group.section}`)}</h3>
            <RuleItems lines={group.lines} />
          </section>
        );
      })}
    </div>
  );
}

export function diffSummary(t: ReturnType<typeof useTranslation>['t'], diff: PolicyDiff): string {
  return t('contactPolicy.diff.summary', {
    changed: diff.changed.length,
    added: diff.added.length,
    removed: diff.removed.length,
  });
}

function Lines({ lines, title, id }: { lines: RuleLine[]; title: string; id: string }) {
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <RuleItems lines={lines} />
    </section>
  );
}

/** What `after` changes from `before`, in words: changed rules before and after, added and removed ones. */
export function PolicyDiffView({
  before,
  after,
  version,
  idPrefix,
}: {
  before: PolicyDocument;
  after: PolicyDocument;
  version: number;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const diff = diffPolicies(before, after);
  const headingId = `${idPrefix}-diff-heading`;
  return (
    <section aria-labelledby={headingId} className="card policy-diff">
      <h2 id={headingId}>{t('contactPolicy.diff.heading', { version })}</h2>
      {isEmptyDiff(diff) ? (
        <p>{t('contactPolicy.diff.none')}</p>
      ) : (
        <>
          <p className="result-count">{diffSummary(t, diff)}</p>
          {diff.changed.length > 0 ? (
            <section aria-labelledby={`${idPrefix}-diff-changed`}>
              <h3 id={`${idPrefix}-diff-changed`}>{t('contactPolicy.diff.changed')}</h3>
              <ul className="diff-list">
                {diff.changed.map((change) => (
                  <li key={change.key} data-rule={change.key}>
                    <p className="diff-before">
                      <span className="diff-label">{t('contactPolicy.diff.before')}</span>{' '}
                      <RuleLineText line={change.before} /> <RuleBasis line={change.before} />
                    </p>
                    <p className="diff-after">
                      <span className="diff-label">{t('contactPolicy.diff.after')}</span>{' '}
                      <RuleLineText line={change.after} /> <RuleBasis line={change.after} />
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <Lines lines={diff.added} title={t('contactPolicy.diff.added')} id={`${idPrefix}-diff-added`} />
          <Lines lines={diff.removed} title={t('contactPolicy.diff.removed')} id={`${idPrefix}-diff-removed`} />
        </>
      )}
    </section>
  );
}
