import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getGrids, type GridsView } from './api.js';
import { GridEditor } from './GridEditor.js';
import { languageOf } from './grid-draft.js';

type Version = GridsView['items'][number];

/**
 * The listening grid's owner (the compliance officer, `quality.grid`) reads its versions and writes the next one:
 * criteria added, removed, reordered, each with its scale and guidance in three languages, from a date on. Reviews
 * already recorded keep the version they were scored on.
 */
export function GridEditorPage() {
  const { t } = useTranslation();
  usePageTitle(t('quality.gridEditor.title'));
  const grids = useApiData((signal) => getGrids(signal), 'quality-grids');
  // A new key after each publication: the editor starts again from the version just published.
  const [round, setRound] = useState(0);
  const [published, setPublished] = useState<{ version: number; validFrom: string } | null>(null);
  const format = useFormat();
  return (
    <>
      <h1>{t('quality.gridEditor.title')}</h1>
      <p className="muted">{t('quality.gridEditor.intro')}</p>
      <p role="status" className={published ? 'success' : undefined}>
        {published
          ? t('quality.gridEditor.published', { version: published.version, date: format.date(published.validFrom) })
          : null}
      </p>
      <AsyncContent data={grids} onRetry={grids.reload}>
        {(found) => (
          <>
            <Versions grids={found} />
            <GridEditor
              key={`${round}-${found.items[0]?.version ?? 0}`}
              latest={found.items[0] ?? null}
              onPublished={(version, validFrom) => {
                setPublished({ version, validFrom });
                setRound((value) => value + 1);
                grids.reload();
              }}
            />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function Versions({ grids }: { grids: GridsView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = languageOf(i18n.language);
  return (
    <section aria-labelledby="grid-versions">
      <h2 id="grid-versions">{t('quality.gridEditor.versions')}</h2>
      {grids.items.length === 0 ? <p>{t('quality.gridEditor.noVersion')}</p> : null}
      {grids.items.map((version: Version) => (
        <details key={version.version} open={version.version === grids.inForce}>
          <summary>
            {t('quality.gridEditor.version', {
              version: version.version,
              date: format.date(version.validFrom),
              author: version.createdByName ?? t('quality.gridEditor.shipped'),
            })}
            {version.version === grids.inForce ? ` · ${t('quality.gridEditor.inForce')}` : ''}
          </summary>
          <DataTable
            caption={t('quality.gridEditor.versionCaption', { version: version.version })}
            rows={version.criteria}
            rowKey={(criterion) => criterion.id}
            columns={[
              { header: t('quality.gridEditor.label'), rowHeader: true, cell: (c) => c.texts[language].label },
              {
                header: t('quality.gridEditor.scale'),
                className: 'number',
                cell: (c) => t('quality.gridEditor.scaleValue', { max: c.scaleMax }),
              },
              {
                header: t('quality.gridEditor.notApplicable'),
                cell: (c) => t(c.allowNotApplicable ? 'quality.gridEditor.yes' : 'quality.gridEditor.no'),
              },
              { header: t('quality.gridEditor.guidance'), cell: (c) => c.texts[language].guidance },
            ]}
          />
        </details>
      ))}
    </section>
  );
}
