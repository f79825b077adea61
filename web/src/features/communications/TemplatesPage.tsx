import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveData } from '../../api/useLiveData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { getTemplateSlots, templateEditorPath, type TemplateSlotSummary } from './api.js';

/**
 * The message templates (compliance officers and managers write them; team leaders read them): every template on
 * each of its channels in each language, with the version sent today, the next one to come and the state of its draft.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('templates.title'));
  const slots = useLiveData((signal) => getTemplateSlots(signal), 'message-templates');
  return (
    <>
      <h1>{t('templates.title')}</h1>
      <p>{t('templates.intro')}</p>
      <AsyncContent data={slots} onRetry={slots.reload}>
        {(found) => (
          <DataTable<TemplateSlotSummary>
            caption={t('templates.tableCaption')}
            rows={found.slots}
            rowKey={(slot) => templateEditorPath(slot)}
            columns={[
              {
                header: t('templates.template'),
                rowHeader: true,
                cell: (slot) => (
                  <Link to={templateEditorPath(slot)}>
                    {t('templates.slotName', {
                      template: t(`values.messageTemplates.${slot.template}`),
                      channel: t(`values.channels.${slot.channel}`),
                    })}
                  </Link>
                ),
              },
              { header: t('templates.language'), cell: (slot) => t(`templates.languages.${slot.language}`) },
              {
                header: t('templates.inForce'),
                cell: (slot) =>
                  slot.inForce.version === 0
                    ? t('templates.shipped')
                    : t('templates.versionSince', {
                        version: slot.inForce.version,
                        date: format.dateTime(slot.inForce.effectiveFrom!),
                      }),
              },
              {
                header: t('templates.upcoming'),
                cell: (slot) =>
                  slot.upcoming
                    ? t('templates.versionFrom', {
                        version: slot.upcoming.version,
                        date: format.dateTime(slot.upcoming.effectiveFrom),
                      })
                    : '—',
              },
              {
                header: t('templates.draft'),
                cell: (slot) =>
                  slot.draft
                    ? t(`templates.draftStates.${slot.draft.status}`, {
                        name: slot.draft.drafted,
                        date: format.dateTime(slot.draft.updatedAt),
                      })
                    : '—',
              },
            ]}
          />
        )}
      </AsyncContent>
    </>
  );
}
