import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_COUNTRIES, HELPS_WITH } from '../../../../../src/care/referrals/contract.js';
import { useLiveData } from '../../../api/useLiveData.js';
import { SuccessMessage, type Saying } from '../../../i18n/saying.js';
import { AsyncContent } from '../../../ui/AsyncContent.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Field } from '../../../ui/fields.js';
import { usePageTitle } from '../../../ui/usePageTitle.js';
import { can } from '../../identity/permissions.js';
import { useMe } from '../../identity/SessionProvider.js';
import { getOrganisations, type OrganisationView } from './api.js';
import { OrganisationContact } from './OrganisationContact.js';
import { OrganisationForm } from './OrganisationForm.js';

interface Filters {
  country: string;
  helpsWith: string;
  area: string;
  active: string;
}

/**
 * The directory of organisations that help (REGULATION §4, CCD2 art. 36): the care team reads it, administrators and
 * compliance officers add and change organisations. Filtered by country, what they help with, area and state.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('careReferrals.directory.title'));
  const me = useMe();
  const editor = can(me.role, 'care.directory.manage');
  const [filters, setFilters] = useState<Filters>({ country: '', helpsWith: '', area: '', active: '' });
  const key = JSON.stringify(filters);
  const list = useLiveData(
    (signal) =>
      getOrganisations(
        {
          country: filters.country || undefined,
          helpsWith: filters.helpsWith || undefined,
          area: filters.area.trim() || undefined,
          active: filters.active || undefined,
        },
        signal,
      ),
    key,
  );
  const [editing, setEditing] = useState<OrganisationView | 'new' | null>(null);
  const [notice, setNotice] = useState<Saying | null>(null);
  const saved = (said: Saying) => {
    setNotice(() => said);
    setEditing(null);
    list.reload();
  };
  return (
    <>
      <h1>{t('careReferrals.directory.title')}</h1>
      <p>{t('careReferrals.directory.intro')}</p>
      <div role="status" aria-live="polite" className="status-area">
        <SuccessMessage saying={notice} />
      </div>
      <DirectoryFilters filters={filters} onChange={setFilters} />
      {editor && editing === null ? (
        <p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('careReferrals.directory.add')}
          </button>
        </p>
      ) : null}
      {editing !== null ? (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          row={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      <AsyncContent data={list} onRetry={list.reload}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t('careReferrals.directory.none')}</p>
          ) : (
            <OrganisationTable
              rows={found.items}
              onEdit={
                editor
                  ? (row) => {
                      setNotice(null);
                      setEditing(row);
                    }
                  : null
              }
            />
          )
        }
      </AsyncContent>
    </>
  );
}

function DirectoryFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof Filters, value: string) => onChange({ ...filters, [key]: value });
  const select = (key: 'country' | 'helpsWith' | 'active', options: { value: string; label: string }[]) => (
    <Field id={`directory-${key}`} label={t(`careReferrals.directory.${key}`)}>
      {(control) => (
        <select {...control} value={filters[key]} onChange={(e) => set(key, e.target.value)}>
          <option value="">{t('careReferrals.directory.any')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form
      className="grid-form card"
      aria-label={t('careReferrals.directory.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      {select(
        'country',
        DIRECTORY_COUNTRIES.map((value) => ({ value, label: t(`careReferrals.countries.${value}`) })),
      )}
      {select(
        'helpsWith',
        HELPS_WITH.map((value) => ({ value, label: t(`careReferrals.helpsWith.${value}`) })),
      )}
      <Field id="directory-area" label={t('careReferrals.directory.area')}>
        {(control) => (
          <input {...control} maxLength={40} value={filters.area} onChange={(e) => set('area', e.target.value)} />
        )}
      </Field>
      {select('active', [
        { value: 'true', label: t('careReferrals.directory.activeOnly') },
        { value: 'false', label: t('careReferrals.directory.inactiveOnly') },
      ])}
    </form>
  );
}

function OrganisationTable(props: { rows: OrganisationView[]; onEdit: ((row: OrganisationView) => void) | null }) {
  const { t } = useTranslation();
  const onEdit = props.onEdit;
  return (
    <DataTable
      caption={t('careReferrals.directory.caption')}
      rows={props.rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: t('careReferrals.directory.column.name'),
          rowHeader: true,
          cell: (row) => (
            <>
              <strong>{row.name}</strong>
              {row.description ? <span className="cell-detail">{row.description}</span> : null}
            </>
          ),
        },
        {
          header: t('careReferrals.directory.column.helpsWith'),
          cell: (row) => row.helpsWith.map((help) => t(`careReferrals.helpsWith.${help}`)).join(', '),
        },
        {
          header: t('careReferrals.directory.column.coverage'),
          cell: (row) =>
            `${t(`careReferrals.countries.${row.country}`)} · ${t('careReferrals.directory.coverageArea', {
              coverage: t(`careReferrals.coverages.${row.coverage}`),
              area: row.area ?? '',
            }).trim()}`,
        },
        {
          header: t('careReferrals.directory.column.contact'),
          cell: (row) => <OrganisationContact organisation={row} />,
        },
        {
          header: t('careReferrals.directory.column.state'),
          cell: (row) => t(`careReferrals.directory.active_${String(row.active)}`),
        },
        {
          header: t('careReferrals.directory.column.actions'),
          hidden: onEdit === null,
          cell: (row) =>
            onEdit ? (
              <button
                type="button"
                className="button secondary small"
                aria-label={t('careReferrals.directory.edit', { name: row.name })}
                onClick={() => onEdit(row)}
              >
                {t('careReferrals.directory.editShort')}
              </button>
            ) : null,
        },
      ]}
    />
  );
}
