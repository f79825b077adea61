-- CPC 1416 al. 2 (REGULATION.md §11 point 2): an injonction de payer not served to the debtor in person may be opposed
-- until a month after the first act served to the debtor in person or, failing that, after the first enforcement
-- measure that makes the debtor's assets unavailable (a bank seizure, a wage seizure's PV). The procedure keeps how
-- the order was served and the day that late month started; the month is a dated figure of law like the others.
alter table judicial_procedures add column served_in_person boolean;
alter table judicial_procedures add column late_opposition_from date;

alter table procedure_deadline_rules drop constraint procedure_deadline_rules_check;
alter table procedure_deadline_rules add constraint procedure_deadline_rules_check
  check ((procedure = 'overindebtedness' and deadline in ('decision_expected', 'admissibility_appeal', 'stay_end',
      'liabilities_proof', 'plan_refusal', 'measures_contest', 'prp_contest', 'third_party_opposition',
      'occ_claim_lodging', 'occ_follow_up'))
    or (procedure = 'judicial' and deadline in ('psrpc_answer', 'psrpc_title', 'mediation_follow_up',
      'agreement_follow_up', 'ordonnance_follow_up', 'service', 'opposition', 'judgment_follow_up', 'denunciation',
      'attribution_contest', 'wage_debtor_month', 'wage_pv', 'seizure_follow_up', 'contest_follow_up', 'title_life',
      'late_opposition')));
insert into procedure_deadline_rules (procedure, deadline, amount, unit, moves_to_working_day, tag, source, valid_from)
values ('judicial', 'late_opposition', 1, 'months', true, 'law', 'CPC 1416 al. 2', '2020-01-01');
