import { useTranslation } from 'react-i18next';
import type { Segment, StrategyDocument } from './api.js';
import { useFormat } from '../../../i18n/format.js';
import type { PreviewState } from './useStrategyPreview.js';
import { ConditionFields, TreatmentFields } from './ConditionFields.js';
import { addSegment, moveSegment, removeSegment, replaceSegment, wholeNumber, withChallenger } from './strategyForm.js';

/** The strategy as a form: its title, then each segment in the order it applies; the last one takes every other case. */
export function StrategyForm({
  document,
  preview,
  onChange,
}: {
  document: StrategyDocument;
  preview: PreviewState;
  onChange: (d: StrategyDocument) => void;
}) {
  const { t } = useTranslation();
  const count = document.segments.length;
  return (
    <div className="strategy-form">
      <PreviewStatus preview={preview} />
      <div className="field">
        <label htmlFor="strategy-title">{t('strategyForm.title')}</label>
        <input
          id="strategy-title"
          value={document.title}
          onChange={(event) => onChange({ ...document, title: event.target.value })}
        />
      </div>
      <ol className="strategy-form-segments">
        {document.segments.map((segment, index) => (
          <li key={index}>
            <SegmentFields
              segment={segment}
              index={index}
              last={index === count - 1}
              taken={preview.preview?.segments.find((counted) => counted.segmentId === segment.id) ?? null}
              onChange={(next) => onChange(replaceSegment(document, index, next))}
              onMove={(delta) => onChange(moveSegment(document, index, delta))}
              onRemove={count > 1 ? () => onChange(removeSegment(document, index)) : null}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button secondary"
        onClick={() => onChange(addSegment(document, t('strategyForm.newSegment')))}
      >
        {t('strategyForm.addSegment')}
      </button>
    </div>
  );
}

function SegmentFields(props: {
  segment: Segment;
  index: number;
  last: boolean;
  taken: SegmentPreview | null;
  onChange: (segment: Segment) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { segment, index, onChange } = props;
  const id = `segment-${index}`;
  const number = index + 1;
  return (
    <fieldset className="strategy-form-segment">
      <legend>{t('strategyForm.segment', { number, name: segment.name })}</legend>
      {props.taken ? <SegmentTaken taken={props.taken} /> : null}
      <div className="inline-filters">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('strategyForm.name')}</label>
          <input
            id={`${id}-name`}
            value={segment.name}
            onChange={(event) => onChange({ ...segment, name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-id`}>{t('strategyForm.id')}</label>
          <input
            id={`${id}-id`}
            value={segment.id}
            onChange={(event) => onChange({ ...segment, id: event.target.value })}
          />
        </div>
      </div>
      {props.last ? (
        <p className="hint">{t('strategyForm.lastSegment')}</p>
      ) : (
        <ConditionFields id={id} when={segment.when} onChange={(when) => onChange({ ...segment, when })} />
      )}
      <TreatmentFields
        id={`${id}-treatment`}
        legend={t('strategyForm.treatment')}
        treatment={segment.treatment}
        onChange={(treatment) => onChange({ ...segment, treatment })}
      />
      <ChallengerFields id={id} segment={segment} onChange={onChange} />
      <div className="form-actions">
        <button
          type="button"
          className="button secondary small"
          disabled={index === 0}
          aria-label={t('strategyForm.moveUp', { number })}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={props.last}
          aria-label={t('strategyForm.moveDown', { number })}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        {props.onRemove ? (
          <button type="button" className="button secondary small" onClick={props.onRemove}>
            {t('strategyForm.remove', { number })}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ChallengerFields({ id, segment, onChange }: { id: string; segment: Segment; onChange: (s: Segment) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={segment.challenger !== undefined}
            onChange={(event) => onChange(withChallenger(segment, event.target.checked))}
          />
          {t('strategyForm.challenger')}
        </label>
      </div>
      {segment.challenger ? (
        <div className="strategy-form-challenger">
          <div className="field">
            <label htmlFor={`${id}-share`}>{t('strategyForm.share')}</label>
            <input
              id={`${id}-share`}
              type="number"
              min={1}
              max={50}
              value={segment.challenger.sharePercent}
              onChange={(event) =>
                onChange({
                  ...segment,
                  challenger: { ...segment.challenger!, sharePercent: wholeNumber(event.target.value) ?? 0 },
                })
              }
            />
          </div>
          <TreatmentFields
            id={`${id}-challenger`}
            legend={t('strategyForm.challengerTreatment')}
            treatment={segment.challenger.treatment}
            onChange={(treatment) => onChange({ ...segment, challenger: { ...segment.challenger!, treatment } })}
          />
        </div>
      ) : null}
    </>
  );
}

type SegmentPreview = NonNullable<PreviewState['preview']>['segments'][number];

/** What the segment would take under the draft today, beside what the queue holds in it now. */
function SegmentTaken({ taken }: { taken: SegmentPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="segment-preview" data-segment-preview={taken.segmentId}>
      {t('strategyForm.preview.segment', { count: taken.cases, cases: format.count(taken.cases) })}{' '}
      <span className="muted">
        {t('strategyForm.preview.now', { count: taken.inQueueNow, cases: format.count(taken.inQueueNow) })}
      </span>
    </p>
  );
}

/** The preview's state, read out when it changes: counting, the open cases counted, or why there are no figures. */
function PreviewStatus({ preview }: { preview: PreviewState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = preview.preview?.total ?? 0;
  const text =
    preview.status === 'ready'
      ? t('strategyForm.preview.ready', { count: total, cases: format.count(total) })
      : t(`strategyForm.preview.${preview.status}`);
  return (
    <p role="status" className="hint strategy-preview-status" data-preview-status={preview.status}>
      {text}
    </p>
  );
}
