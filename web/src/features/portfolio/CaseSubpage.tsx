import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getCase } from './api.js';
import type { CaseDetail } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';

/**
 * A page about one case (its budget, its plans): loads the case named in the address and titles the page with the
 * debtor's name once it is known (`headingKey` gets `{ name }`), `titleKey` until then.
 */
export function CaseSubpage({
  headingKey,
  titleKey,
  children,
}: {
  headingKey: string;
  titleKey: string;
  children: (detail: CaseDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useApiData((signal) => getCase(id, signal), id);
  usePageTitle(detail.status === 'ready' ? t(headingKey, { name: detail.data.debtor.displayName }) : t(titleKey));
  return (
    <AsyncContent data={detail} onRetry={detail.reload}>
      {children}
    </AsyncContent>
  );
}
