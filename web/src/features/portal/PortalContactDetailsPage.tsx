import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Field } from '../../ui/fields.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { useSubmit } from '../../ui/useSubmit.js';
import { portalApi, type ContactDetails, type NewAddress } from './api.js';

type Usage = 'mobile' | 'home' | 'work';

/**
 * The person's details as we hold them (the address letters go to, the phones, masked) and a new address or phone
 * they give. Nothing they had is erased: an adviser checks the new address, and a new phone is verified before use.
 */
export function PortalContactDetailsPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.details.title'));
  const data = useApiData((signal) => portalApi.contactDetails(signal), 'contact-details');
  const [details, setDetails] = useState<ContactDetails | null>(null);
  return (
    <AsyncContent data={data} onRetry={data.reload}>
      {(loaded) => {
        const shown = details ?? loaded;
        return (
          <div className="portal-card">
            <p>
              <Link to="/portal">{t('portal.case.back')}</Link>
            </p>
            <h1>{t('portal.details.heading')}</h1>
            <Current details={shown} />
            <AddressForm onSaved={setDetails} />
            <PhoneForm onSaved={setDetails} />
          </div>
        );
      }}
    </AsyncContent>
  );
}

function Current({ details }: { details: ContactDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="portal-details-now">
      <h2 id="portal-details-now">{t('portal.details.now')}</h2>
      <p>
        {details.address
          ? [...details.address.lines, `${details.address.postalCode} ${details.address.city}`].join(', ')
          : t('portal.details.noAddress')}
      </p>
      {details.phones.length > 0 ? (
        <ul>
          {details.phones.map((phone) => (
            <li key={phone.masked}>
              {phone.masked} {phone.verified ? null : `(${t('portal.details.unverified')})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('portal.details.noPhone')}</p>
      )}
    </section>
  );
}

function AddressForm({ onSaved }: { onSaved: (details: ContactDetails) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState<NewAddress>({ line1: '', line2: '', postalCode: '', city: '', country: 'FR' });
  const sending = useSubmit();
  const [saved, setSaved] = useState(false);
  const set = (key: keyof NewAddress) => (event: { target: { value: string } }) =>
    setAddress({ ...address, [key]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await sending.run(async () => {
      onSaved(await portalApi.giveAddress(address));
      setSaved(true);
    });
  }

  return (
    <section aria-labelledby="portal-details-address">
      <h2 id="portal-details-address">{t('portal.details.address')}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <Field id="portal-address-line1" label={t('portal.details.line1')}>
          {(control) => (
            <input {...control} required autoComplete="address-line1" value={address.line1} onChange={set('line1')} />
          )}
        </Field>
        <Field id="portal-address-line2" label={t('portal.details.line2')}>
          {(control) => (
            <input {...control} autoComplete="address-line2" value={address.line2} onChange={set('line2')} />
          )}
        </Field>
        <Field id="portal-address-postcode" label={t('portal.details.postcode')}>
          {(control) => (
            <input
              {...control}
              required
              inputMode="numeric"
              autoComplete="postal-code"
              value={address.postalCode}
              onChange={set('postalCode')}
            />
          )}
        </Field>
        <Field id="portal-address-city" label={t('portal.details.city')}>
          {(control) => (
            <input {...control} required autoComplete="address-level2" value={address.city} onChange={set('city')} />
          )}
        </Field>
        <Field id="portal-address-country" label={t('portal.details.country')}>
          {(control) => (
            <select {...control} value={address.country} onChange={set('country')}>
              <option value="FR">{t('portal.details.countries.FR')}</option>
              <option value="IT">{t('portal.details.countries.IT')}</option>
            </select>
          )}
        </Field>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        {saved ? <p role="status">{t('portal.details.addressSaved')}</p> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.details.saveAddress')}
        </button>
      </form>
    </section>
  );
}

function PhoneForm({ onSaved }: { onSaved: (details: ContactDetails) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [usage, setUsage] = useState<Usage>('mobile');
  const sending = useSubmit();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await sending.run(async () => {
      onSaved(await portalApi.givePhone({ number, usage }));
      setSaved(true);
      setNumber('');
    });
  }

  return (
    <section aria-labelledby="portal-details-phone">
      <h2 id="portal-details-phone">{t('portal.details.phone')}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)}>
        <Field id="portal-phone-number" label={t('portal.details.number')} hint={t('portal.details.numberHint')}>
          {(control) => (
            <input
              {...control}
              type="tel"
              required
              autoComplete="tel"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
            />
          )}
        </Field>
        <Field id="portal-phone-usage" label={t('portal.details.usage')}>
          {(control) => (
            <select {...control} value={usage} onChange={(event) => setUsage(event.target.value as Usage)}>
              <option value="mobile">{t('portal.details.usages.mobile')}</option>
              <option value="home">{t('portal.details.usages.home')}</option>
              <option value="work">{t('portal.details.usages.work')}</option>
            </select>
          )}
        </Field>
        {sending.error ? <ProblemMessage error={sending.error} /> : null}
        {saved ? <p role="status">{t('portal.details.phoneSaved')}</p> : null}
        <button type="submit" className="button primary" disabled={sending.busy}>
          {t('portal.details.savePhone')}
        </button>
      </form>
    </section>
  );
}
