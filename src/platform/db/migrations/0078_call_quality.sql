-- Call quality and coaching (src/quality/, docs/listening.md, REGULATION.md §15, issue 19): a listening grid, versioned
-- and owned by the compliance officer, that team leaders score a sample of each agent's calls on every month; coaching
-- notes with agreed actions and a follow-up date; the agent acknowledges both.

-- The settings, as reference data: one row.
create table quality_settings (
  id boolean primary key default true check (id),
  -- Calls drawn at random per agent and month, besides the flagged ones (a complaint, a low rating).
  random_per_month integer not null check (random_per_month between 0 and 50),
  -- A survey answer at or under this score (1-5) flags the call it rates.
  low_csat_max integer not null check (low_csat_max between 1 and 4),
  -- A coaching note's follow-up falls within this many days.
  follow_up_max_days integer not null check (follow_up_max_days between 1 and 365),
  -- The agency's calendar for the follow-up (a working day): a country, and a French département or Italian region.
  calendar_country text not null check (calendar_country in ('FR', 'IT')),
  calendar_region text,
  source text not null check (length(source) between 1 and 500),
  updated_at timestamptz not null default now()
);
insert into quality_settings (random_per_month, low_csat_max, follow_up_max_days, calendar_country, source)
values (4, 2, 90, 'FR', 'Accord default [CHOICE]: four calls at random a month per agent, REGULATION.md §15');

-- The grid's versions: a version applies from its date; a review keeps the version it was scored on.
create table quality_grid_versions (
  version integer primary key check (version > 0),
  valid_from date not null unique,
  -- [{ id, scaleMax, allowNotApplicable, texts: { fr|en|it: { label, guidance } } }]
  criteria jsonb not null check (jsonb_typeof(criteria) = 'array' and jsonb_array_length(criteria) between 1 and 20),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);

insert into quality_grid_versions (version, valid_from, criteria) values (1, '2026-01-01', '[
  {"id": "identity_checked", "scaleMax": 2, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Identité vérifiée avant toute information", "guidance": "0 : dette évoquée avant de savoir à qui l’on parle ; 1 : vérification partielle ; 2 : identité confirmée (nom, date de naissance ou référence) avant de parler de la dette."},
    "en": {"label": "Identity checked before disclosure", "guidance": "0: the debt mentioned before knowing who is speaking; 1: a partial check; 2: identity confirmed (name, date of birth or reference) before the debt is discussed."},
    "it": {"label": "Identità verificata prima di ogni informazione", "guidance": "0: debito citato prima di sapere chi parla; 1: verifica parziale; 2: identità confermata (nome, data di nascita o riferimento) prima di parlare del debito."}}},
  {"id": "listened_without_interrupting", "scaleMax": 3, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Écoute sans interrompre", "guidance": "0 : coupe la parole à plusieurs reprises ; 1 : interrompt parfois ; 2 : laisse parler ; 3 : laisse parler et relance par des questions ouvertes."},
    "en": {"label": "Listened without interrupting", "guidance": "0: cuts in several times; 1: sometimes interrupts; 2: lets the person speak; 3: lets them speak and draws them out with open questions."},
    "it": {"label": "Ascolto senza interrompere", "guidance": "0: interrompe più volte; 1: interrompe a volte; 2: lascia parlare; 3: lascia parlare e rilancia con domande aperte."}}},
  {"id": "reformulated", "scaleMax": 3, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Reformulation", "guidance": "0 : aucune ; 1 : répète mot pour mot ; 2 : reformule les faits ; 3 : reformule les faits et ce que la personne ressent, et le fait valider."},
    "en": {"label": "Reformulated", "guidance": "0: none; 1: repeats word for word; 2: restates the facts; 3: restates the facts and what the person feels, and checks it with them."},
    "it": {"label": "Riformulazione", "guidance": "0: nessuna; 1: ripete parola per parola; 2: riformula i fatti; 3: riformula i fatti e ciò che la persona prova, e lo fa confermare."}}},
  {"id": "asked_situation_first", "scaleMax": 3, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Situation demandée avant de proposer", "guidance": "0 : propose d’emblée ; 1 : une question rapide ; 2 : s’enquiert des revenus et charges ; 3 : comprend la situation (événement de vie, budget) avant toute proposition."},
    "en": {"label": "Asked about the situation before proposing", "guidance": "0: proposes straight away; 1: one quick question; 2: asks about income and outgoings; 3: understands the situation (life event, budget) before any proposal."},
    "it": {"label": "Situazione chiesta prima di proporre", "guidance": "0: propone subito; 1: una domanda rapida; 2: chiede di entrate e spese; 3: comprende la situazione (evento di vita, bilancio) prima di ogni proposta."}}},
  {"id": "proposed_within_capacity", "scaleMax": 3, "allowNotApplicable": true, "texts": {
    "fr": {"label": "Proposition dans la capacité", "guidance": "0 : au-delà de la capacité calculée ; 1 : à la limite, sans vérifier ; 2 : dans la capacité ; 3 : dans la capacité, avec une marge expliquée. Sans objet si aucune proposition n’était à faire."},
    "en": {"label": "Proposed within capacity", "guidance": "0: beyond the computed capacity; 1: at the limit, unchecked; 2: within capacity; 3: within capacity, with a margin explained. Not applicable when no proposal was due."},
    "it": {"label": "Proposta nei limiti della capacità", "guidance": "0: oltre la capacità calcolata; 1: al limite, senza verifica; 2: nei limiti; 3: nei limiti, con un margine spiegato. Non applicabile se non c’era proposta da fare."}}},
  {"id": "explained_next_steps", "scaleMax": 3, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Procédure et suites expliquées", "guidance": "0 : rien d’expliqué ; 1 : suites vagues ; 2 : prochaines étapes et dates ; 3 : étapes, dates, droits (contestation, réclamation, médiateur) et à qui s’adresser."},
    "en": {"label": "Explained the procedure and next steps", "guidance": "0: nothing explained; 1: vague next steps; 2: next steps and dates; 3: steps, dates, rights (dispute, complaint, mediator) and whom to contact."},
    "it": {"label": "Procedura e seguiti spiegati", "guidance": "0: nulla spiegato; 1: seguiti vaghi; 2: prossimi passi e date; 3: passi, date, diritti (contestazione, reclamo, mediatore) e a chi rivolgersi."}}},
  {"id": "respected_contact_policy", "scaleMax": 2, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Politique de contact respectée", "guidance": "0 : pression, menace ou propos interdit ; 1 : un écart de ton ou d’horaire ; 2 : conforme (ton, horaires, tiers, pas de pression)."},
    "en": {"label": "Respected the contact policy", "guidance": "0: pressure, a threat or a forbidden statement; 1: a lapse of tone or hours; 2: compliant (tone, hours, third parties, no pressure)."},
    "it": {"label": "Politica di contatto rispettata", "guidance": "0: pressione, minaccia o frase vietata; 1: uno scarto di tono o di orario; 2: conforme (tono, orari, terzi, nessuna pressione)."}}},
  {"id": "closed_with_summary", "scaleMax": 2, "allowNotApplicable": false, "texts": {
    "fr": {"label": "Clôture par un résumé", "guidance": "0 : appel coupé sans conclusion ; 1 : conclusion partielle ; 2 : résumé de ce qui est convenu, des montants et des dates, validé par la personne."},
    "en": {"label": "Closed with a summary", "guidance": "0: the call ends with no conclusion; 1: a partial conclusion; 2: a summary of what was agreed, the amounts and dates, confirmed by the person."},
    "it": {"label": "Chiusura con un riepilogo", "guidance": "0: chiamata chiusa senza conclusione; 1: conclusione parziale; 2: riepilogo di quanto concordato, importi e date, confermato dalla persona."}}}
]');

-- A review of one call against the grid in force that day: every criterion scored, the overall in basis points.
create table quality_reviews (
  id uuid primary key default uuid_time_ordered(),
  contact_id uuid not null unique references contacts (id),
  agent_id uuid not null references users (id),
  team_id uuid references teams (id),
  reviewer_id uuid not null references users (id),
  grid_version integer not null references quality_grid_versions (version),
  -- The month of the call in the agency's zone, YYYY-MM: the sample it was drawn in.
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  sample_reason text not null check (sample_reason in ('complaint', 'low_csat', 'random')),
  -- [{ criterion, score }] with score null for "not applicable".
  scores jsonb not null check (jsonb_typeof(scores) = 'array'),
  score_bp integer not null check (score_bp between 0 and 10000),
  notes text check (notes is null or length(notes) between 1 and 4000),
  reviewed_at timestamptz not null,
  acknowledged_at timestamptz,
  check (agent_id <> reviewer_id)
);
create index quality_reviews_agent on quality_reviews (agent_id, month);
create index quality_reviews_team on quality_reviews (team_id, month);

-- A coaching note: the actions agreed with the agent and the day they are looked at again.
create table quality_coaching_notes (
  id uuid primary key default uuid_time_ordered(),
  agent_id uuid not null references users (id),
  team_id uuid references teams (id),
  author_id uuid not null references users (id),
  review_id uuid references quality_reviews (id),
  -- ["…", "…"]: one to ten actions.
  actions jsonb not null check (jsonb_typeof(actions) = 'array' and jsonb_array_length(actions) between 1 and 10),
  notes text check (notes is null or length(notes) between 1 and 4000),
  follow_up_on date not null,
  created_at timestamptz not null,
  acknowledged_at timestamptz,
  check (agent_id <> author_id)
);
create index quality_coaching_notes_agent on quality_coaching_notes (agent_id, created_at desc);
