/** English texts of the procedures' figures of law (merged into en.ts as `legalFigures`). */
export const legalFiguresEn = {
  heading: 'Procedure deadlines and fees',
  intro:
    'The deadlines the over-indebtedness and judicial procedures count, and the commissaire de justice’s proportional fee. Each figure applies from its date; a deadline is counted with the figure in force on the day it starts, and then no longer changes.',
  readOnly: 'A compliance officer or an administrator adds a figure from a date.',
  add: 'Add a dated figure',
  added: 'Figure added: {{deadline}}, from {{date}}.',
  procedures: { overindebtedness: 'Over-indebtedness', judicial: 'Judicial procedure' },
  columns: { deadline: 'Deadline', length: 'Length', moves: 'Closed day', validFrom: 'From' },
  length: {
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    months_one: '{{count}} month',
    months_other: '{{count}} months',
  },
  units: { days: 'days', months: 'months' },
  moves: 'Moved to the next working day',
  stays: 'Not moved',
  upcoming: 'Upcoming',
  replaced: 'Replaced',
  inForce: 'In force',
  tags: { law: 'Law', check: 'To confirm', choice: 'Agency’s choice' },
  fee: {
    heading: 'Commissaire de justice’s proportional fee (A444-32)',
    intro:
      'Borne by the creditor (R444-55), on the sums the commissaire collects: a rate per band, a minimum and a cap.',
    from: 'Table from {{date}}',
    band: 'Band',
    rate: 'Rate',
    between: 'From {{from}} to {{to}}',
    above: 'Above {{from}}',
    bounds: 'Minimum {{floor}} (and a fixed fee up to {{upto}}), cap {{cap}}.',
  },
  form: {
    heading: 'Add a dated figure',
    deadline: 'Deadline',
    amount: 'Length',
    unit: 'Unit',
    tag: 'Status of the figure',
    validFrom: 'From',
    validFromHint: 'Today or later: a deadline already started keeps its figure.',
    source: 'Source (text, article)',
    moves: 'A deadline ending on a Saturday, a Sunday or a public holiday moves to the next working day (CPC 642)',
    submit: 'Add the figure',
    close: 'Close the form',
  },
};

export const legalFiguresProblemsEn = {
  legal_figures: {
    valid_from_past: 'A figure is added from today or a later day: a deadline already counted keeps its figure.',
    already_dated: 'This figure already has a row on that day: choose another day.',
    bands_unordered: 'The bands must rise: each upper bound above the one before.',
    last_band_open: 'Only the last band is open (no upper bound); every other band has one.',
    floor_above_cap: 'The minimum cannot be above the cap.',
  },
};
