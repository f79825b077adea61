import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { AllowancesSection } from './AllowancesSection.js';
import {
  getReferenceData,
  saveLivingFloor,
  saveRsaAmounts,
  saveSeizureScale,
  saveStandardAllowance,
  type LivingFloor,
  type ReferenceData,
  type RsaAmounts,
  type SeizureScale,
  type StandardAllowance,
} from './api.js';
import { openerId, type Editing } from './editing.js';
import { StatusLegend } from './fields.js';
import { FloorsSection } from './FloorsSection.js';
import { RsaSection } from './RsaSection.js';
import { ScalesSection } from './ScalesSection.js';
import { useMe } from '../identity/SessionProvider.js';
import { LegalFiguresSection } from '../legal-figures/LegalFiguresSection.js';

/**
 * The dated reference data of the budget (REGULATION.md §7): every staff member reads the figures with their status
 * and source; an administrator corrects a row or adds a year or an effective date (audited by the server).
 */
export function ReferenceDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('referenceData.title'));
  const data = useApiData((signal) => getReferenceData(signal), 'reference-data');
  return (
    <>
      <h1>{t('referenceData.title')}</h1>
      <p>{t('referenceData.intro')}</p>
      <AsyncContent data={data} onRetry={data.reload}>
        {(found) => <ReferenceDataView initial={found} />}
      </AsyncContent>
    </>
  );
}

/** Puts a saved row in place of the one with the same key, or adds it, keeping the order `before` gives. */
function upsert<T>(rows: T[], row: T, same: (a: T, b: T) => boolean, before: (a: T, b: T) => boolean): T[] {
  const others = rows.filter((r) => !same(r, row));
  const at = others.findIndex((r) => before(row, r));
  return at === -1 ? [...others, row] : [...others.slice(0, at), row, ...others.slice(at)];
}

/** `upsert` for rows keyed by their effective date, in date order. */
const upsertByDate = <T extends { effectiveFrom: string }>(rows: T[], row: T) =>
  upsert(
    rows,
    row,
    (a, b) => a.effectiveFrom === b.effectiveFrom,
    (a, b) => a.effectiveFrom < b.effectiveFrom,
  );

function ReferenceDataView({ initial }: { initial: ReferenceData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const mayManage = can(me.role, 'reference_data.manage');
  const [data, setData] = useState(initial);
  const [current, setCurrent] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  // When a form closes, the focus goes back to the button that opened it (it is on screen again by now).
  useEffect(() => {
    if (current === null && returnTo !== null) {
      document.getElementById(returnTo)?.focus();
      setReturnTo(null);
    }
  }, [current, returnTo]);

  const editing: Editing = {
    current,
    mayManage,
    open: (key) => {
      setSaved('');
      setCurrent(key);
      setReturnTo(openerId(key));
    },
    close: () => setCurrent(null),
  };

  async function saveScale(scale: SeizureScale) {
    const row = await saveSeizureScale(scale);
    setData((d) => ({
      ...d,
      scales: upsert(
        d.scales,
        row,
        (a, b) => a.year === b.year,
        (a, b) => a.year < b.year,
      ),
    }));
    done(t('referenceData.scales.saved', { year: row.year }), `scale:${row.year}`);
  }
  async function saveRsa(amounts: RsaAmounts) {
    const row = await saveRsaAmounts(amounts);
    setData((d) => ({
      ...d,
      rsa: upsertByDate(d.rsa, row),
    }));
    done(t('referenceData.rsa.saved', { date: format.date(row.effectiveFrom) }), `rsa:${row.effectiveFrom}`);
  }
  async function saveAllowance(allowance: StandardAllowance) {
    const row = await saveStandardAllowance(allowance);
    const order = (a: StandardAllowance) => `${a.category}@${a.effectiveFrom}`;
    setData((d) => ({
      ...d,
      allowances: upsert(
        d.allowances,
        row,
        (a, b) => order(a) === order(b),
        (a, b) => order(a) < order(b),
      ),
    }));
    done(
      t('referenceData.allowances.saved', {
        category: t(`budget.categories.${row.category}`),
        date: format.date(row.effectiveFrom),
      }),
      `allowance:${row.category}@${row.effectiveFrom}`,
    );
  }
  async function saveFloor(floor: LivingFloor) {
    const row = await saveLivingFloor(floor);
    setData((d) => ({
      ...d,
      floors: upsertByDate(d.floors, row),
    }));
    done(t('referenceData.floors.saved', { date: format.date(row.effectiveFrom) }), `floor:${row.effectiveFrom}`);
  }
  /** Closes the form, says what was saved, and gives the focus to the saved row's own button. */
  function done(message: string, key: string) {
    setSaved(message);
    setCurrent(null);
    setReturnTo(openerId(key));
  }

  return (
    <>
      {mayManage ? null : <p className="muted">{t('referenceData.readOnly')}</p>}
      <div role="status" className="status-area">
        {saved ? <p className="success">{saved}</p> : null}
      </div>
      <StatusLegend />
      <ScalesSection scales={data.scales} editing={editing} onSave={saveScale} />
      <RsaSection rows={data.rsa} editing={editing} onSave={saveRsa} />
      <AllowancesSection rows={data.allowances} editing={editing} onSave={saveAllowance} />
      <FloorsSection rows={data.floors} editing={editing} onSave={saveFloor} />
      <LegalFiguresSection />
    </>
  );
}
