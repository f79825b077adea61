import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listBankStatements, uploadBankStatement } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { countsText } from './bankCounts.js';
import { useMe } from '../identity/SessionProvider.js';

/** Bank statements (camt.053/054): import one, and the imports with what became of their lines. */
export function BankStatementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('payments.bank.title'));
  const imports = useApiData((signal) => listBankStatements({ limit: 50, offset: 0 }, signal), 'imports');
  const format = useFormat();
  return (
    <>
      <h1>{t('payments.bank.title')}</h1>
      <p className="muted">{t('payments.bank.intro')}</p>
      <p>
        <Link className="button secondary" to="/bank-match-queue">
          {t('payments.bank.queueLink')}
        </Link>
      </p>
      {can(me.role, 'bank_files.import') ? <UploadStatement /> : null}
      <section className="card" aria-labelledby="imports-heading">
        <h2 id="imports-heading">{t('payments.bank.imports')}</h2>
        <AsyncContent data={imports} onRetry={imports.reload}>
          {({ items }) =>
            items.length === 0 ? (
              <p>{t('payments.bank.noImports')}</p>
            ) : (
              <TableScroll label={t('payments.bank.importsCaption')}>
                <table>
                  <caption className="visually-hidden">{t('payments.bank.importsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('payments.bank.fileName')}</th>
                      <th scope="col">{t('payments.bank.importedAt')}</th>
                      <th scope="col">{t('payments.bank.kind')}</th>
                      <th scope="col">{t('payments.bank.account')}</th>
                      <th scope="col">{t('payments.bank.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          <Link
                            to={`/bank-statements/${item.id}`}
                            aria-label={t('payments.bank.openReport', { name: item.fileName ?? item.messageId })}
                          >
                            {item.fileName ?? item.messageId}
                          </Link>
                        </th>
                        <td>{format.dateTime(item.importedAt)}</td>
                        <td>{item.kind}</td>
                        <td>{item.accountIbans.join(', ')}</td>
                        <td>{countsText(t, item.counts)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}

function UploadStatement() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = useSubmit();

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(file === null);
    if (!file) {
      input.current?.focus();
      return;
    }
    let id = '';
    const ok = await submit.run(async () => {
      id = (await uploadBankStatement(file)).id;
    });
    if (ok) void navigate(`/bank-statements/${id}`);
  }

  return (
    <section className="card" aria-labelledby="upload-statement-heading">
      <h2 id="upload-statement-heading">{t('payments.bank.upload')}</h2>
      <form className="grid-form" noValidate onSubmit={(event) => void send(event)}>
        <div className="field wide">
          <label htmlFor="statement-file">{t('payments.bank.file')}</label>
          <input
            ref={input}
            id="statement-file"
            type="file"
            accept=".xml,application/xml,text/xml"
            required
            aria-invalid={missing}
            aria-describedby={missing ? 'statement-file-error' : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissing(false);
            }}
          />
          {missing ? (
            <p id="statement-file-error" className="field-error">
              {t('payments.bank.fileMissing')}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>
            {submit.busy ? t('payments.bank.uploading') : t('payments.bank.submit')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={submit} />
    </section>
  );
}
