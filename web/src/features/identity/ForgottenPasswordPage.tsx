import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { askForNewPassword } from './api.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';

/**
 * A forgotten password, from the sign-in page: the person gives their address and chooses the new password; a
 * manager or a compliance officer approves it after checking with them. The answer is the same for any address.
 */
export function ForgottenPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [sent, setSent] = useState(false);
  const sending = useSubmit();
  usePageTitle(t('administration.forgotten.title'));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (newPassword !== confirm) {
      sending.setError(new Error(t('administration.login.mismatch')));
      return;
    }
    await sending.run(async () => {
      await askForNewPassword(email.trim(), newPassword);
      setSent(true);
    });
  }

  return (
    <div className="login-page">
      <header className="login-header">
        <span className="brand-name">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="login-main">
        <div className="login-card">
          <h1>{t('administration.forgotten.title')}</h1>
          {sent ? (
            <div role="status">
              <p className="success">{t('administration.forgotten.sent')}</p>
              <p>{t('administration.forgotten.next')}</p>
            </div>
          ) : (
            <>
              <p className="muted">{t('administration.forgotten.intro')}</p>
              <form onSubmit={(event) => void submit(event)} className="stacked-form">
                <div className="field">
                  <label htmlFor="forgotten-email">{t('login.email')}</label>
                  <input
                    id="forgotten-email"
                    name="email"
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                </div>
                <NewPasswordFields
                  newPassword={newPassword}
                  confirm={confirm}
                  onNewPassword={setNewPassword}
                  onConfirm={setConfirm}
                  intro={t('administration.forgotten.choose')}
                />
                {sending.error ? (
                  <ProblemMessage error={sending.error} title={t('administration.forgotten.failed')} />
                ) : null}
                <button type="submit" className="button primary" disabled={sending.busy}>
                  {sending.busy ? t('administration.forgotten.sending') : t('administration.forgotten.submit')}
                </button>
              </form>
            </>
          )}
          <p>
            <Link to="/login">{t('administration.forgotten.back')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
