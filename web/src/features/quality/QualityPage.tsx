import { useTranslation } from 'react-i18next';
import { useApiData } from '../../api/useApiData.js';
import { useFormat } from '../../i18n/format.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { SubmitFeedback, useSubmit } from '../../ui/useSubmit.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { acknowledgeCoaching, acknowledgeReview, getMyQuality, type CoachingView, type ReviewView } from './api.js';
import { TeamQuality } from './TeamQuality.js';

/**
 * Call quality: a team leader's (or a manager's) month of sampled calls, reviews, coaching notes and trends; and for
 * everyone whose calls are reviewed, their own reviews and coaching notes, each acknowledged once.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('quality.title'));
  return (
    <>
      <h1>{t('quality.title')}</h1>
      <p className="muted">{t('quality.intro')}</p>
      {can(me.role, 'quality.review') ? <TeamQuality /> : null}
      <MyQuality />
    </>
  );
}

function MyQuality() {
  const { t } = useTranslation();
  const mine = useApiData((signal) => getMyQuality(signal), 'quality-mine');
  return (
    <section aria-labelledby="quality-mine">
      <h2 id="quality-mine">{t('quality.mine.heading')}</h2>
      <AsyncContent data={mine} onRetry={mine.reload}>
        {(found) => (
          <>
            {found.reviews.length === 0 ? <p>{t('quality.mine.empty')}</p> : null}
            {found.reviews.map((review) => (
              <OwnReview key={review.id} review={review} onDone={mine.reload} />
            ))}
            <h3>{t('quality.mine.coachingHeading')}</h3>
            {found.coaching.length === 0 ? <p>{t('quality.coaching.empty')}</p> : null}
            <ul className="plain-list">
              {found.coaching.map((note) => (
                <li key={note.id}>
                  <CoachingNote note={note} onAcknowledge={mine.reload} own />
                </li>
              ))}
            </ul>
          </>
        )}
      </AsyncContent>
    </section>
  );
}

/** One review of the reader's call: the grid's criteria with the points given, the notes, and the acknowledgement. */
function OwnReview({ review, onDone }: { review: ReviewView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  const language = (['fr', 'en', 'it'] as const).find((l) => i18n.language.startsWith(l)) ?? 'fr';
  const rows = review.grid.criteria.map((criterion) => ({
    criterion,
    score: review.scores.find((s) => s.criterion === criterion.id)?.score ?? null,
  }));
  return (
    <article className="card" aria-label={t('quality.mine.about', aboutValues(t, format, review))}>
      <h3>{t('quality.mine.score', { score: format.percentFromBasisPoints(review.scoreBp) })}</h3>
      <p>{t('quality.mine.about', aboutValues(t, format, review))}</p>
      {/* The grid's detail folded once read: a year of reviews stays a short list. */}
      <details open={review.acknowledgedAt === null}>
        <summary>{t('quality.mine.detail')}</summary>
        <DataTable
          caption={t('quality.form.grid', { version: review.grid.version, date: format.date(review.grid.validFrom) })}
          rows={rows}
          rowKey={(row) => row.criterion.id}
          columns={[
            {
              header: t('quality.mine.criterion'),
              rowHeader: true,
              cell: (row) => row.criterion.texts[language].label,
            },
            {
              header: t('quality.mine.points'),
              className: 'number',
              cell: (row) =>
                row.score === null
                  ? t('quality.form.notApplicable')
                  : t('quality.mine.pointsOf', { score: row.score, max: row.criterion.scaleMax }),
            },
          ]}
        />
        {review.notes ? <p className="pre-wrap">{review.notes}</p> : null}
      </details>
      {review.acknowledgedAt ? (
        <p className="muted">{t('quality.mine.acknowledged', { date: format.dateTime(review.acknowledgedAt) })}</p>
      ) : (
        <button
          type="button"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(async () => {
              await acknowledgeReview(review.id);
              onDone();
              return (tt) => tt('quality.mine.done');
            })
          }
        >
          {t('quality.mine.acknowledge')}
        </button>
      )}
      <SubmitFeedback submit={submit} />
    </article>
  );
}

function aboutValues(t: (key: string) => string, format: ReturnType<typeof useFormat>, review: ReviewView) {
  return {
    date: format.dateTime(review.callAt),
    case: review.caseReference,
    reviewer: review.reviewerName,
    reason: t(`quality.reasons.${review.sampleReason}`),
  };
}

/** A coaching note: the actions agreed, the notes, the follow-up; its agent acknowledges it. */
export function CoachingNote({
  note,
  own = false,
  onAcknowledge,
}: {
  note: CoachingView;
  own?: boolean;
  onAcknowledge?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  return (
    <div className="coaching-note">
      <p className="muted">
        {t('quality.coaching.by', {
          author: note.authorName,
          date: format.dateTime(note.createdAt),
          followUp: format.date(note.followUpOn),
        })}
      </p>
      <ul>
        {note.actions.map((action, index) => (
          <li key={index}>{action}</li>
        ))}
      </ul>
      {note.notes ? <p className="pre-wrap">{note.notes}</p> : null}
      {note.acknowledgedAt ? (
        <p className="muted">{t('quality.coaching.acknowledged', { date: format.dateTime(note.acknowledgedAt) })}</p>
      ) : own ? (
        <button
          type="button"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(async () => {
              await acknowledgeCoaching(note.id);
              onAcknowledge?.();
              return (tt) => tt('quality.mine.done');
            })
          }
        >
          {t('quality.coaching.acknowledge')}
        </button>
      ) : (
        <p className="muted">{t('quality.coaching.pending')}</p>
      )}
      <SubmitFeedback submit={submit} />
    </div>
  );
}
