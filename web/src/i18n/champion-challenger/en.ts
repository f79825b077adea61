import type { championChallengerFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const championChallengerEn: Widen<typeof championChallengerFr> = {
  heading: 'Champion and challenger',
  notByPlacement: 'This comparison is not read by placement: it covers every case of the chosen creditor or mandate.',
  intro:
    'For each segment of the strategy that tries another treatment (the challenger) on a share of its cases, the two arms compared on what happened since each case entered the segment. A difference is called significant when p is below {{alpha}}.',
  cohorts: 'Cases that entered the segment from {{from}} to {{to}}.',
  none: 'No segment has a challenger in this period.',
  running: 'Test running: {{share}}% of the segment’s cases go to the challenger.',
  ended: 'Test ended: the strategy in force no longer has a challenger in this segment.',
  question: 'The question asked: {{note}}',
  arm: { champion: 'Champion', challenger: 'Challenger' },
  chartLabel:
    'Mean collected per case, {{segment}}: champion {{champion}}, challenger {{challenger}}; the table beside it gives every figure.',
  chartAxis: 'Mean collected per case (€)',
  tableCaption: 'The two arms of “{{segment}}”',
  column: {
    figure: 'Figure',
    champion: 'Champion',
    challenger: 'Challenger',
    difference: 'Difference',
    test: 'Test',
    p: 'p',
  },
  figure: {
    cases: 'Cases',
    collected: 'Collected per case',
    keptPromises: 'Kept promises',
    complaints: 'Cases with a complaint',
    satisfaction: 'Satisfaction (out of 5)',
  },
  outOf: '{{k}} of {{n}}',
  answers: '{{n}} answers',
  tooFewAnswers: 'fewer than {{n}} answers',
  test: {
    welch_t: 'Welch’s t',
    two_proportion_z: 'z (two proportions)',
    fisher_exact: 'Fisher’s exact',
    none: 'too few to test',
  },
  significant: 'significant',
  warning: {
    too_few_cases: 'Fewer than {{min}} cases in an arm: too few to conclude.',
    skewed_sample:
      'Very skewed amounts (many zeros, a few large payments): the sample is still too small for the t-test (Cochran’s rule).',
    too_few_promises: 'Fewer than {{min}} promises due in an arm.',
    too_few_answers: 'Fewer than {{min}} satisfaction answers in an arm.',
  },
  recommendationHeading: 'Recommendation',
  recommendation: {
    keep_champion: 'Keep the champion',
    promote_challenger: 'Promote the challenger',
    keep_testing: 'Keep testing',
  },
  reason: {
    challenger_collects_more: 'the challenger collects significantly more per case',
    challenger_collects_less: 'the challenger collects significantly less per case',
    no_significant_difference: 'no significant difference in collection so far',
    too_few_cases: 'not enough cases yet to conclude',
    challenger_more_complaints: 'the challenger draws significantly more complaints',
    challenger_less_satisfaction: 'the challenger’s debtors are significantly less satisfied',
    challenger_fewer_kept_promises: 'the challenger gets significantly fewer kept promises',
  },
  decisionHeading: 'Your decision',
  decision: {
    promote: 'Promote the challenger (a new version of the strategy)',
    keep: 'Keep testing',
    stop: 'Stop the test, keep the champion (a new version of the strategy)',
  },
  note: 'Reason',
  decide: 'Record the decision',
  decided: 'Decision recorded.',
  lastDecision: 'Last decision: {{decision}}, by {{who}} on {{when}} ({{note}}).',
  someone: 'a manager',
  export: 'Export the comparison',
};
