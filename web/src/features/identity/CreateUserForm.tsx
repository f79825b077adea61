import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, ROLES } from '../../../../src/identity/contract.js';
import { createUser } from './api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { Role } from './permissions.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { LOCALES, type Locale } from '../../i18n/index.js';

interface Draft {
  email: string;
  displayName: string;
  role: Role;
  creditorId: string;
  locale: Locale;
  password: string;
}

const EMPTY: Draft = { email: '', displayName: '', role: 'agent', creditorId: '', locale: 'fr', password: '' };

export function CreateUserForm({ creditors, onCreated }: { creditors: CreditorSummary[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [checked, setChecked] = useState(false);
  const sending = useSubmit();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  const needsCreditor = draft.role === 'creditor_user';
  const passwordTooShort = draft.password.length < PASSWORD_MIN_LENGTH;
  const creditorMissing = needsCreditor && draft.creditorId === '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    sending.reset();
    if (passwordTooShort || creditorMissing) return;
    await sending.run(async () => {
      const user = await createUser({
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role,
        creditorId: needsCreditor ? draft.creditorId : null,
        locale: draft.locale,
        password: draft.password,
      });
      // The role and the language stay chosen for the next account.
      setDraft((current) => ({ ...EMPTY, role: current.role, locale: current.locale }));
      setChecked(false);
      onCreated();
      // An account that reads case data is created inactive: its access waits for a second person.
      return (t) =>
        t(user.pendingAccess ? 'users.create.createdPending' : 'users.create.created', {
          name: user.displayName,
          email: user.email,
        });
    });
  }

  return (
    <section className="card" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('users.create.heading')}</h2>
      <form className="grid-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="new-user-email"
          type="email"
          label={t('users.create.email')}
          value={draft.email}
          onChange={set('email')}
        />
        <TextField
          id="new-user-name"
          type="text"
          label={t('users.create.displayName')}
          value={draft.displayName}
          onChange={set('displayName')}
        />
        <CodeSelect
          id="new-user-role"
          label={t('users.create.role')}
          group="roles"
          values={ROLES}
          value={draft.role}
          onChange={set('role')}
        />
        {needsCreditor ? (
          <CreditorField
            creditors={creditors}
            value={draft.creditorId}
            onChange={set('creditorId')}
            missing={checked && creditorMissing}
          />
        ) : null}
        <LocaleField value={draft.locale} onChange={set('locale')} />
        <PasswordField value={draft.password} onChange={set('password')} tooShort={checked && passwordTooShort} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={sending.busy}>
            {sending.busy ? t('users.create.submitting') : t('users.create.submit')}
          </button>
        </div>
      </form>
      <SubmitFeedback
        submit={sending}
        problem={sending.error ? <ProblemMessage error={sending.error} title={t('users.create.failed')} /> : null}
      />
    </section>
  );
}

function TextField(props: {
  id: string;
  type: 'email' | 'text';
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      {(control) => (
        <input
          {...control}
          type={props.type}
          autoComplete="off"
          required
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The language of the account's pages, each language named in itself. */
function LocaleField({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="new-user-locale">{t('users.create.locale')}</label>
      <select id="new-user-locale" value={value} onChange={(e) => onChange(e.target.value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function PasswordField(props: { value: string; onChange: (value: string) => void; tooShort: boolean }) {
  const { t } = useTranslation();
  return (
    <Field
      id="new-user-password"
      label={t('users.create.password')}
      hint={t('users.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      error={props.tooShort ? t('users.create.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) : null}
      alert
    >
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The creditor a creditor user works for: required for that role, and said so once the form was sent without it. */
function CreditorField({
  creditors,
  value,
  onChange,
  missing,
}: {
  creditors: CreditorSummary[];
  value: string;
  onChange: (id: string) => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field
      id="new-user-creditor"
      label={t('users.create.creditor')}
      hint={t('users.create.creditorHint')}
      error={missing ? t('users.create.creditorRequired') : null}
      alert
    >
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)} required>
          <option value="">{t('users.create.chooseCreditor')}</option>
          {creditors.map((creditor) => (
            <option key={creditor.id} value={creditor.id}>
              {creditor.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
