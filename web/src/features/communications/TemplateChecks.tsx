import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FindingView } from './api.js';

/** A finding in words: its code's sentence, with the variable, mention or words it names. */
export function findingText(t: TFunction, finding: FindingView): string {
  return t(`templates.findings.${finding.code.replace('template.', '')}`, {
    variable: finding.variable ? `{{${finding.variable}}}` : '',
    mention: finding.mention ? t(`templates.mentions.${finding.mention}`) : '',
    text: finding.text ?? '',
    what: finding.what ? t(`templates.disclosed.${finding.what}`) : '',
    parts: finding.parts ?? 0,
    part: finding.part ? t(`templates.parts.${finding.part}`) : '',
  });
}

/** The mandatory mentions of the slot, each ticked or crossed as the text is typed. */
export function Mentions({ required, findings }: { required: string[]; findings: FindingView[] }) {
  const { t } = useTranslation();
  const missing = new Set(findings.filter((f) => f.code === 'template.mention_missing').map((f) => f.mention));
  return (
    <div>
      <h3 className="small-heading">{t('templates.mentionsHeading')}</h3>
      <ul className="checklist">
        {required.map((mention) => (
          <li key={mention} className={missing.has(mention) ? 'warning-text' : 'flag-yes'}>
            {missing.has(mention) ? '✗ ' : '✓ '}
            {t(`templates.mentions.${mention}`)}
            <span className="visually-hidden">
              {missing.has(mention) ? t('templates.mentionMissing') : t('templates.mentionPresent')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What is wrong with the text (errors) or worth a look (warnings), in words, announced as it changes. */
export function Findings({ findings }: { findings: FindingView[] }) {
  const { t } = useTranslation();
  const shown = findings.filter((f) => f.code !== 'template.mention_missing');
  return (
    <div aria-live="polite">
      {shown.length === 0 ? (
        <p className="flag-yes">{t('templates.noFindings')}</p>
      ) : (
        <ul className="findings">
          {shown.map((finding, index) => (
            <li key={index} className={finding.severity === 'error' ? 'warning-text' : 'muted'}>
              <strong>{t(`templates.severity.${finding.severity}`)}</strong> {findingText(t, finding)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
