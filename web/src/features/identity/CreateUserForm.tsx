import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, ROLES } from '../../../../src/identity/contract.js';
import { createUser } from './api.js';
import type { CreditorSummary } from '../portfolio/api.js';
import type { Role } from './permissions.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
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
      return t(user.pendingAccess ? 'users.create.createdPending' : 'users.create.created', { name: user.displayName, email: user.email });
    });
  }

  const showPasswordError = checked && passwordTooShort;
  const showCreditorError = checked && creditorMissing;
  return (
    <section className="card" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('users.create.heading')}</h2>
      <form className="grid-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="new-user-email">{t('users.create.email')}</label>
          <input id="new-user-email" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-user-name">{t('users.create.displayName')}</label>
          <input id="new-user-name" type="text" autoComplete="off" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
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
          <div className="field">
            <label htmlFor="new-user-creditor">{t('users.create.creditor')}</label>
            <select
              id="new-user-creditor"
              value={creditorId}
              onChange={(e) => setCreditorId(e.target.value)}
              required
              aria-invalid={showCreditorError}
              aria-describedby={showCreditorError ? 'new-user-creditor-error new-user-creditor-hint' : 'new-user-creditor-hint'}
            >
              <option value="">{t('users.create.chooseCreditor')}</option>
              {creditors.map((creditor) => (
                <option key={creditor.id} value={creditor.id}>
                  {creditor.name}
                </option>
              ))}
            </select>
            <p id="new-user-creditor-hint" className="hint">
              {t('users.create.creditorHint')}
            </p>
            {showCreditorError ? (
              <p id="new-user-creditor-error" className="field-error" role="alert">
                {t('users.create.creditorRequired')}
              </p>
            ) : null}
          </div>
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
        <div className="field">
          <label htmlFor="new-user-password">{t('users.create.password')}</label>
          <input
            id="new-user-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={showPasswordError}
            aria-describedby={showPasswordError ? 'new-user-password-error new-user-password-hint' : 'new-user-password-hint'}
          />
          <p id="new-user-password-hint" className="hint">
            {t('users.create.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          </p>
          {showPasswordError ? (
            <p id="new-user-password-error" className="field-error" role="alert">
              {t('users.create.passwordTooShort', { min: PASSWORD_MIN_LENGTH })}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={sending.busy}>
            {sending.busy ? t('users.create.submitting') : t('users.create.submit')}
          </button>
        </div>
      </form>
      <SubmitFeedback submit={sending} problem={sending.error ? <ProblemMessage error={sending.error} title={t('users.create.failed')} /> : null} />
    </section>
  );
}
