import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import type { VersionSummary } from './api.js';
import { VersionNote } from './VersionNote.js';

/** A version's number, effective date, publication and note. */
export function VersionFacts({ version }: { version: VersionSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p>
        <strong>
          {t('contactPolicy.versionLine', { version: version.version, date: format.dateTime(version.effectiveFrom) })}
        </strong>
      </p>
      <p className="muted">
        {version.publishedBy
          ? t('contactPolicy.publishedBy', {
              date: format.dateTime(version.publishedAt),
              name: version.publishedBy.name,
            })
          : t('contactPolicy.publishedBySystem', { date: format.dateTime(version.publishedAt) })}
      </p>
      {version.note ? (
        <p>
          {t('contactPolicy.noteLabel')} <VersionNote note={version.note} />
        </p>
      ) : null}
    </>
  );
}
