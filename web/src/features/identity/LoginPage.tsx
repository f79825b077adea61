import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { signIn } from './api.js';
import { ApiError } from '../../api/client.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { useSession } from './SessionProvider.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // After a reset approved by a second person, the server asks for a new password chosen here (never by anyone else).
  const [mustChange, setMustChange] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const sending = useSubmit();
  usePageTitle(t('login.title'));

  if (session.status === 'signedIn') return <Navigate to="/" replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mustChange && newPassword !== confirm) {
      sending.setError(new Error(t('administration.login.mismatch')));
      return;
    }
    await sending.run(async () => {
      try {
        await signedIn(await signIn(email.trim(), password, mustChange ? newPassword : undefined));
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'auth.password_change_required') {
          setMustChange(true);
          return;
        }
        if (!mustChange) setPassword('');
        throw caught;
      }
      void navigate('/', { replace: true });
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
          <h1>{t('login.heading')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <form onSubmit={(event) => void submit(event)} className="stacked-form">
            <div className="field">
              <label htmlFor="login-email">{t('login.email')}</label>
              <input
                id="login-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('login.password')}</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            {mustChange ? (
              <NewPasswordFields
                newPassword={newPassword}
                confirm={confirm}
                onNewPassword={setNewPassword}
                onConfirm={setConfirm}
              />
            ) : null}
            {sending.error ? <ProblemMessage error={sending.error} title={t('login.failed')} /> : null}
            <button type="submit" className="button primary" disabled={sending.busy}>
              {sending.busy
                ? t('login.submitting')
                : mustChange
                  ? t('administration.login.submitNew')
                  : t('login.submit')}
            </button>
          </form>
          {mustChange ? null : (
            <p>
              <Link to="/password-forgotten">{t('administration.forgotten.link')}</Link>
            </p>
          )}
        </div>
      </main>
    </div>
  );
}
