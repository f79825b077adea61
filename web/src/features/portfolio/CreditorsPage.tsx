import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listCreditors } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { YesNo } from '../../ui/YesNo.js';
import { labelOf } from '../../i18n/labels.js';

export function CreditorsPage() {
  const { t } = useTranslation();
  const creditors = useApiData(listCreditors, 'creditors');
  usePageTitle(t('creditors.title'));

  return (
    <>
      <h1>{t('creditors.heading')}</h1>
      <AsyncContent data={creditors} onRetry={creditors.reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('creditors.none')}</p>
          ) : (
            <TableScroll label={t('creditors.caption')}>
              <table>
                <caption className="visually-hidden">{t('creditors.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('creditors.name')}</th>
                    <th scope="col">{t('creditors.code')}</th>
                    <th scope="col">{t('creditors.sector')}</th>
                    <th scope="col">{t('creditors.country')}</th>
                    <th scope="col">{t('creditors.active')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((creditor) => (
                    <tr key={creditor.id}>
                      <th scope="row">
                        <Link to={`/creditors/${creditor.id}`}>{creditor.name}</Link>
                      </th>
                      <td>
                        <code>{creditor.code}</code>
                      </td>
                      <td>{labelOf(t, 'values.sectors', creditor.sector)}</td>
                      <td>{creditor.country}</td>
                      <td>
                        <YesNo value={creditor.active} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </AsyncContent>
    </>
  );
}
