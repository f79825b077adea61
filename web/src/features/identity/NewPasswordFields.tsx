import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../src/identity/contract.js';
import { Field } from '../../ui/fields.js';

/** The new password a person chooses at sign-in after a reset, typed twice; the server checks the password rule. */
export function NewPasswordFields(props: {
  newPassword: string;
  confirm: string;
  onNewPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** What the person is asked to do; by default, after a reset approved by another person. */
  intro?: string;
}) {
  const { t } = useTranslation();
  const mismatch = props.confirm !== '' && props.confirm !== props.newPassword;
  return (
    <>
      <p className="hint" role="status">
        {props.intro ?? t('administration.login.mustChange')}
      </p>
      <Field
        id="login-new-password"
        label={t('administration.login.newPassword')}
        hint={t('administration.login.newPasswordHint')}
      >
        {(control) => (
          <input
            {...control}
            name="new-password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            value={props.newPassword}
            onChange={(event) => props.onNewPassword(event.target.value)}
          />
        )}
      </Field>
      <Field
        id="login-new-password-confirm"
        label={t('administration.login.confirm')}
        error={mismatch ? t('administration.login.mismatch') : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="new-password-confirm"
            type="password"
            autoComplete="new-password"
            required
            value={props.confirm}
            onChange={(event) => props.onConfirm(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
