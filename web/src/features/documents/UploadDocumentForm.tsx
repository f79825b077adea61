import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_SOURCES, DOCUMENT_TYPES } from '../../../../src/documents/contract.js';
import { uploadDocument, type DocumentSource, type DocumentType } from './api.js';
import { CodeSelect } from '../../ui/fields.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { useFormat } from '../../i18n/format.js';

/**
 * Adds a document to a case: the file, its type and source, a description, and (agency staff) whether it is shared
 * with the creditor or special category. A creditor user uploads its own evidence, shared with it.
 */
export function UploadDocumentForm({
  caseId,
  limitBytes,
  creditorUser,
  onUploaded,
}: {
  caseId: string;
  limitBytes: number;
  creditorUser: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<DocumentType>(creditorUser ? 'creditor_evidence' : 'proof_of_income');
  const [source, setSource] = useState<DocumentSource>(creditorUser ? 'creditor' : 'debtor');
  const [description, setDescription] = useState('');
  const [shared, setShared] = useState(false);
  const [special, setSpecial] = useState(false);
  const [missingFile, setMissingFile] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    const ok = await submit.run(async () => {
      const made = await uploadDocument(caseId, {
        file,
        type,
        source,
        description,
        sharedWithCreditor: creditorUser || shared,
        specialCategory: !creditorUser && (special || type === 'medical_proof'),
      });
      return (t) => t('documents.upload.done', { name: made.fileName ?? file.name });
    });
    if (ok) {
      setDescription('');
      if (fileInput.current) fileInput.current.value = '';
      onUploaded();
    }
  }

  return (
    <form
      className="grid-form document-upload"
      onSubmit={(event) => void send(event)}
      aria-labelledby="document-upload-heading"
    >
      <h3 id="document-upload-heading" className="wide">
        {t('documents.upload.heading')}
      </h3>
      <FileField
        inputRef={fileInput}
        limitBytes={limitBytes}
        missing={missingFile}
        onChange={() => setMissingFile(false)}
      />
      <CodeSelect
        id="document-type"
        label={t('documents.upload.type')}
        group="documents.types"
        values={DOCUMENT_TYPES}
        value={type}
        onChange={setType}
      />
      {creditorUser ? null : (
        <CodeSelect
          id="document-source"
          label={t('documents.upload.source')}
          group="documents.sources"
          values={DOCUMENT_SOURCES}
          value={source}
          onChange={setSource}
        />
      )}
      <div className="field wide">
        <label htmlFor="document-description">{t('documents.upload.description')}</label>
        <input
          id="document-description"
          type="text"
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      {creditorUser ? null : (
        <StaffOptions type={type} shared={shared} special={special} setShared={setShared} setSpecial={setSpecial} />
      )}
      <div className="wide">
        <button type="submit" className="button primary" disabled={submit.busy}>
          {submit.busy ? t('documents.upload.sending') : t('documents.upload.submit')}
        </button>
        <SubmitFeedback submit={submit} />
      </div>
    </form>
  );
}

function FileField({
  inputRef,
  limitBytes,
  missing,
  onChange,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  limitBytes: number;
  missing: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="field wide">
      <label htmlFor="document-file">{t('documents.upload.file')}</label>
      <input
        id="document-file"
        ref={inputRef}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain"
        aria-describedby={missing ? 'document-file-error document-file-hint' : 'document-file-hint'}
        aria-invalid={missing}
        onChange={onChange}
      />
      {missing ? (
        <p id="document-file-error" className="error" role="alert">
          {t('documents.upload.chooseFile')}
        </p>
      ) : null}
      <p id="document-file-hint" className="hint">
        {t('documents.upload.fileHint', { size: format.bytes(limitBytes) })}
      </p>
    </div>
  );
}

/** Agency staff say whether the creditor sees the document, and whether it is special category (never shared). */
function StaffOptions(props: {
  type: DocumentType;
  shared: boolean;
  special: boolean;
  setShared: (value: boolean) => void;
  setSpecial: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const { type, shared, special, setShared, setSpecial } = props;
  return (
    <div className="field wide">
      <label className="choice">
        <input
          type="checkbox"
          checked={shared && !special && type !== 'medical_proof'}
          disabled={special || type === 'medical_proof'}
          onChange={(event) => setShared(event.target.checked)}
        />{' '}
        {t('documents.upload.shared')}
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={special || type === 'medical_proof'}
          disabled={type === 'medical_proof'}
          onChange={(event) => setSpecial(event.target.checked)}
        />{' '}
        {t('documents.upload.special')}
      </label>
    </div>
  );
}
