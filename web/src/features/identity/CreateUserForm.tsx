import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, ROLES } from '../../../../src/identity/contract.js';
import { createUser } from './api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { Role } from './permissions.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { Field } from '../../ui/fields.js';
import { LOCALES, type Locale } from '../../i18n/index.js';

export function CreateUserForm({ creditors, onCreated }: { creditors: CreditorSummary[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [creditorId, setCreditorId] = useState('');
  const [locale, setLocale] = useState<Locale>('fr');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const sending = useSubmit();

  const needsCreditor = role === 'creditor_user';
  const passwordTooShort = password.length < PASSWORD_MIN_LENGTH;
  const creditorMissing = needsCreditor && creditorId === '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    sending.reset();
    if (passwordTooShort || creditorMissing) return;
    await sending.run(async () => {
      const user = await createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        creditorId: needsCreditor ? creditorId : null,
        locale,
        password,
      });
      setEmail('');
      setDisplayName('');
      setPassword('');
      setCreditorId('');
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

  const showPasswordError = checked && passwordTooShort;
  const showCreditorError = checked && creditorMissing;
  return (
    <section className="card" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('users.create.heading')}</h2>
      <form className="grid-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="new-user-email" label={t('users.create.email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="new-user-name" label={t('users.create.displayName')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              required
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="new-user-role">{t('users.create.role')}</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {needsCreditor ? (
          <CreditorField
            creditors={creditors}
            value={creditorId}
            onChange={setCreditorId}
            missing={showCreditorError}
          />
        ) : null}
        <div className="field">
          <label htmlFor="new-user-locale">{t('users.create.locale')}</label>
          <select id="new-user-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((value) => (
              <option key={value} value={value} lang={value}>
                {t(`languages.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="new-user-password"
          label={t('users.create.password')}
          hint={t('users.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={showPasswordError ? t('users.create.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) : null}
          alert
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
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
