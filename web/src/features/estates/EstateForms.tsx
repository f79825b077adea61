import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HEIR_OPTIONS, PARTY_ROLES } from '../../../../src/estates/contract.js';
import { useLiveData } from '../../api/useLiveData.js';
import { labelOf } from '../../i18n/labels.js';
import { TableScroll } from '../../ui/TableScroll.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { SectionForm } from '../../ui/SectionForm.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { getCaseDocuments } from '../documents/api.js';
import { addParty, declareClaim, recordOption, recordProof, type EstateView } from './api.js';

type Role = (typeof PARTY_ROLES)[number];
type HeirOption = (typeof HEIR_OPTIONS)[number];

/** The estate's steps a team leader or a specialist runs: the proof, the parties and their options, the claim. */
export function EstateSteps(props: {
  caseId: string;
  estate: EstateView;
  documentsVersion: number;
  onDone: () => void;
}) {
  const { estate } = props;
  return (
    <>
      {estate.step === 'reported' ? (
        <ProofForm caseId={props.caseId} documentsVersion={props.documentsVersion} onDone={props.onDone} />
      ) : null}
      {estate.parties && estate.parties.length > 0 ? (
        <PartiesTable caseId={props.caseId} parties={estate.parties} onDone={props.onDone} />
      ) : null}
      {estate.proven ? <PartyForm caseId={props.caseId} onDone={props.onDone} /> : null}
      {estate.step === 'notary' ? <ClaimForm caseId={props.caseId} onDone={props.onDone} /> : null}
    </>
  );
}

/** The death certificate: chosen among the case's documents, which reload when one is added on the page. */
function ProofForm(props: { caseId: string; documentsVersion: number; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const documents = useLiveData(
    (signal) => getCaseDocuments(props.caseId, signal),
    props.caseId,
    String(props.documentsVersion),
  );
  const certificates =
    documents.status === 'ready' ? documents.data.items.filter((d) => d.type === 'death_certificate') : [];
  const [diedOn, setDiedOn] = useState('');
  const [documentId, setDocumentId] = useState('');
  const chosen = documentId || certificates[0]?.id || '';
  const send = () =>
    void submit
      .run(async () => {
        await recordProof(props.caseId, { diedOn, documentId: chosen });
        return (t) => t('estates.proof.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="estate-proof"
      heading={t('estates.proof.heading')}
      submitLabel={t('estates.proof.submit')}
      submit={submit}
      onSubmit={send}
    >
      <Field id="estate-died-on" label={t('estates.proof.diedOn')}>
        {(control) => (
          <input {...control} type="date" required value={diedOn} onChange={(e) => setDiedOn(e.target.value)} />
        )}
      </Field>
      <Field
        id="estate-certificate"
        label={t('estates.proof.document')}
        hint={certificates.length === 0 ? t('estates.proof.noDocument') : undefined}
      >
        {(control) => (
          <select {...control} required value={chosen} onChange={(e) => setDocumentId(e.target.value)}>
            {certificates.map((document) => (
              <option key={document.id} value={document.id}>
                {document.fileName ?? document.id}
              </option>
            ))}
          </select>
        )}
      </Field>
    </SectionForm>
  );
}

function PartyForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [role, setRole] = useState<Role>('notary');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [option, setOption] = useState<HeirOption>('undecided');
  const send = () =>
    void submit
      .run(async () => {
        await addParty(props.caseId, {
          role,
          name: name.trim(),
          contact: contact.trim(),
          ...(role === 'heir' ? { option } : {}),
        });
        setName('');
        setContact('');
        return (t) => t('estates.party.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="estate-party"
      heading={t('estates.party.heading')}
      submitLabel={t('estates.party.submit')}
      submit={submit}
      onSubmit={send}
    >
      <CodeSelect
        id="estate-party-role"
        label={t('estates.party.role')}
        group="estates.roles"
        values={PARTY_ROLES}
        value={role}
        onChange={setRole}
      />
      <Field id="estate-party-name" label={t('estates.party.name')}>
        {(control) => (
          <input {...control} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field id="estate-party-contact" label={t('estates.party.contact')}>
        {(control) => (
          <input {...control} maxLength={500} value={contact} onChange={(e) => setContact(e.target.value)} />
        )}
      </Field>
      {role === 'heir' ? (
        <CodeSelect
          id="estate-party-option"
          label={t('estates.party.option')}
          group="estates.heirOptions"
          values={HEIR_OPTIONS}
          value={option}
          onChange={setOption}
        />
      ) : null}
    </SectionForm>
  );
}

function PartiesTable(props: { caseId: string; parties: NonNullable<EstateView['parties']>; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('estates.party.heading')}>
      <table>
        <caption>{t('estates.party.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('estates.party.role')}</th>
            <th scope="col">{t('estates.party.name')}</th>
            <th scope="col">{t('estates.party.contact')}</th>
            <th scope="col">{t('estates.party.option')}</th>
          </tr>
        </thead>
        <tbody>
          {props.parties.map((party) => (
            <tr key={party.id}>
              <td>
                {labelOf(t, 'estates.roles', party.role)}
                <br />
                <span className="hint">
                  {party.mayDemand ? t('estates.party.mayDemand') : t('estates.party.noDemand')}
                </span>
              </td>
              <td>{party.name}</td>
              <td>{party.contact}</td>
              <td>
                {party.role === 'heir' ? (
                  <OptionForm caseId={props.caseId} party={party} onDone={props.onDone} />
                ) : (
                  t('common.none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OptionForm(props: { caseId: string; party: NonNullable<EstateView['parties']>[number]; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [option, setOption] = useState<HeirOption>(props.party.option ?? 'undecided');
  const id = `estate-option-${props.party.id}`;
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await recordOption(props.caseId, props.party.id, { option });
      return (t) => t('estates.party.saved');
    });
    if (ok) props.onDone();
  }
  return (
    <form onSubmit={(event) => void send(event)}>
      <label htmlFor={id} className="visually-hidden">
        {t('estates.party.change', { name: props.party.name })}
      </label>
      <select id={id} value={option} onChange={(e) => setOption(e.target.value as HeirOption)}>
        {HEIR_OPTIONS.map((value) => (
          <option key={value} value={value}>
            {labelOf(t, 'estates.heirOptions', value)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="secondary" disabled={submit.busy}>
        {t('estates.party.save')}
      </button>
      <SubmitFeedback submit={submit} />
    </form>
  );
}

function ClaimForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [publishedOn, setPublishedOn] = useState('');
  const send = () =>
    void submit
      .run(async () => {
        await declareClaim(props.caseId, { netAssetsPublishedOn: publishedOn || null });
        return (t) => t('estates.claim.done');
      })
      .then((ok) => ok && props.onDone());
  return (
    <SectionForm
      id="estate-claim"
      heading={t('estates.claim.heading')}
      submitLabel={t('estates.claim.submit')}
      submit={submit}
      onSubmit={send}
    >
      <Field id="estate-published-on" label={t('estates.claim.publishedOn')} wide>
        {(control) => (
          <input {...control} type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} />
        )}
      </Field>
    </SectionForm>
  );
}
