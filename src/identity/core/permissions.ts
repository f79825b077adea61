import { CASE_WORKERS, ROLES, STAFF_ROLES, type Role } from './roles.js';

/**
 * The permission matrix: which roles may do what. Declarative, enforced on every route by the HTTP layer
 * (each route names one permission), and tested role by role. The web app reads the same matrix to build
 * its navigation, so a menu never offers what the server would refuse.
 *
 * Creditor scope is a second, separate check: a creditor user holding `cases.read` reads its own creditor's
 * cases only (see scope.ts).
 */
export const PERMISSIONS = {
  /** Own profile and preferences. */
  'me.read': ROLES,
  'me.update': ROLES,
  /** Portfolio figures on the home page, within the actor's scope. */
  'dashboard.read': ROLES,
  'creditors.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user', 'administrator'],
  'cases.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  /** Placements (claim files) and their intake reports; a creditor user sees and places its own only. */
  'placements.read': ['team_leader', 'compliance_officer', 'manager', 'creditor_user'],
  'placements.create': ['manager', 'creditor_user'],
  /** Possible duplicate debtors found at intake: decide, and merge. Crosses creditors, so never creditor users. */
  'debtors.review_matches': ['team_leader', 'compliance_officer', 'manager'],
  /**
   * Payments: read them (a creditor user its own creditor's: it is informed of every payment, CPCE R124-5), record
   * one with its receipt, and reverse one (a returned direct debit, a bounced cheque: finance staff).
   */
  'payments.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'payments.record': [...CASE_WORKERS, 'manager'],
  'payments.reverse': ['team_leader', 'manager'],
  /**
   * Bank files (ISO 20022), finance staff only: import statements (camt.053/054) and read their reports, work the
   * matching queue (assigning a credit records a payment), SEPA direct debit mandates (bank details: never creditor
   * users) and the pain.008 file of the direct debits due on a date.
   */
  'bank_files.import': ['team_leader', 'manager'],
  'bank_files.read': ['team_leader', 'manager'],
  'bank_files.match': ['team_leader', 'manager'],
  'bank_files.collect': ['team_leader', 'manager'],
  'sepa_mandates.read': ['team_leader', 'manager'],
  'sepa_mandates.manage': ['team_leader', 'manager'],
  /** Remittances to creditors: statements read by finance, compliance and the creditor itself; prepared by managers. */
  'remittances.read': ['team_leader', 'compliance_officer', 'manager', 'creditor_user'],
  'remittances.manage': ['manager'],
  /** The contact policy: every staff member reads it; compliance officers draft, simulate and publish versions. */
  'contact_policy.read': STAFF_ROLES,
  'contact_policy.manage': ['compliance_officer'],
  /** Contacts with debtors: the history and the permission per channel, recording a contact, holds and preferences. */
  'contacts.read': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'contacts.record': [...CASE_WORKERS, 'manager'],
  /**
   * The day's print run of first letters for the mail house: prepare it, download its PDF and manifest, confirm its
   * posting and load the mail house's list of returned letters (team leaders and managers; a returned letter of one
   * case is recorded with contacts.record).
   */
  'print_runs.manage': ['team_leader', 'manager'],
  /** A print run a crash left preparing: resumed (finished) or abandoned, its letters carried into the next run. */
  'print_runs.recover': ['manager'],
  /**
   * SMS replies from a number no case could be matched to (no debtor's verified phone it sent an SMS to): read by
   * managers, who find the debtor by hand. A reply matched to a case is read there, with the case's messages.
   */
  'sms_replies.unmatched': ['manager'],
  /** Allowing one contact the policy refuses: a separate, audited act with a written reason. */
  'contacts.override': ['compliance_officer', 'manager'],
  /** Campaigns of e-mails and SMS: read by those who run the floor, kept, previewed and run by compliance and managers. */
  'campaigns.read': ['team_leader', 'compliance_officer', 'manager'],
  'campaigns.manage': ['compliance_officer', 'manager'],
  /**
   * Message templates: read and previewed by those who run the floor; written, submitted and reviewed by compliance
   * and managers, never by the person who wrote the draft (four eyes, template-admin.ts).
   */
  'templates.read': ['team_leader', 'compliance_officer', 'manager'],
  'templates.manage': ['compliance_officer', 'manager'],
  'holds.manage': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  /**
   * Reset a debtor's access to the portal from one of their cases (a lost phone, a doubt): every passkey revoked, the
   * portal sessions ended. Staff who speak with debtors; never creditor users (the portal is the agency's).
   */
  'portal_access.reset': [...CASE_WORKERS, 'manager'],
  /**
   * Affordability: compute a household budget's repayment capacity (no data read), read and record a debtor's budgets
   * (special care: a household's finances; never creditor users), read the reference data (every staff member) and
   * correct it (administrators).
   */
  'affordability.compute': STAFF_ROLES,
  'affordability.read': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'affordability.record': CASE_WORKERS,
  /**
   * Plans: read (never creditor users, like the budget they come from), propose and renegotiate (case workers), record
   * an instalment paid (case workers; the payments ledger later), approve beyond an agent's authority or the capacity
   * (team leaders, managers), and review items for a person (orientation, broken plans).
   */
  'plans.read': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'plans.propose': CASE_WORKERS,
  'plans.record': CASE_WORKERS,
  'plans.approve': ['team_leader', 'manager'],
  'plans.review': ['team_leader', 'overindebtedness_specialist', 'care_specialist', 'manager'],
  /**
   * The agent workspace: take the next case of one's team queue and work it (case workers), supervise
   * the team's queues (reassign cases, pause or prioritise segments, see the team's activity), and the strategy rules
   * that build the queues (read by those who answer for them, changed by managers).
   */
  'queues.work': CASE_WORKERS,
  'queues.supervise': ['team_leader', 'manager'],
  'strategies.read': ['team_leader', 'compliance_officer', 'manager'],
  'strategies.manage': ['manager'],
  /**
   * Documents on a case: read and upload them (a creditor user: its own cases, the documents shared with it, its own
   * evidence), and erase one before its retention ends (a person's request, an upload by mistake).
   */
  'documents.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'documents.upload': [...CASE_WORKERS, 'manager', 'creditor_user'],
  'documents.erase': ['team_leader', 'compliance_officer', 'manager'],
  /**
   * Complaints (ACPR 2022-R-01): any staff member who works cases registers one; compliance officers and team leaders
   * acknowledge, answer and close them; the register of complaints and measures is read by them and by managers.
   * Never creditor users: a complaint may name an agent and a household's hardship, and it is the agency's own duty.
   */
  'complaints.register': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'complaints.read': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'complaints.handle': ['team_leader', 'compliance_officer'],
  'complaints.register_read': ['team_leader', 'compliance_officer', 'manager'],
  /** The mediator every refusal names (name, address, website): dated reference data, audited. */
  'mediators.manage': ['compliance_officer', 'administrator'],
  /** Time bars: record what interrupts one (case workers), and the list of claims nearing their bar (a person reviews). */
  'time_bars.record': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'time_bars.review': ['team_leader', 'judicial_specialist', 'compliance_officer', 'manager'],
  /**
   * Disputes of a claim (REGULATION §9): read them (a creditor user: its own cases' disputes, the evidence asked of it),
   * record one (case workers), answer an evidence request (the creditor; a manager enters an answer received by post),
   * decide on an answer (case workers), and close or reopen a case with a reason (team leaders and managers).
   */
  'disputes.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'disputes.record': [...CASE_WORKERS, 'manager'],
  'disputes.answer': ['creditor_user', 'manager'],
  'disputes.review': [...CASE_WORKERS, 'manager'],
  /**
   * A deceased debtor's estate (REGULATION §12): read it (a creditor user: the state of its own cases' estates, never
   * the heirs' data), report a death (case workers), run the estate's steps (team leaders and specialists).
   */
  'estates.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'estates.report': [...CASE_WORKERS, 'manager'],
  'estates.manage': ['team_leader', 'care_specialist', 'overindebtedness_specialist', 'judicial_specialist', 'manager'],
  /**
   * The review before the judicial stage (GDPR art. 22: a person decides every move to court): the queue, the review
   * screen and the decision (judicial specialists, team leaders, managers); a case's review outcomes (case workers,
   * compliance, a creditor user its own cases').
   */
  'judicial_reviews.review': ['judicial_specialist', 'team_leader', 'manager'],
  'judicial_reviews.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  /**
   * Over-indebtedness (REGULATION §2, §10): read a case's procedure (a creditor user: the state of its own cases,
   * without the documents and notes), the team's queue (specialists, their team leaders and managers), and record the
   * filing and each step (the over-indebtedness specialists).
   */
  'overindebtedness.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'overindebtedness.queue': ['overindebtedness_specialist', 'team_leader', 'manager'],
  'overindebtedness.manage': ['overindebtedness_specialist'],
  /**
   * Judicial procedures (REGULATION §11): read a case's procedure (a creditor user: its own cases' procedure state,
   * never the acts, partner or costs), run it (judicial specialists), and the judicial queue (their team leaders and
   * managers read it too).
   */
  'judicial_procedures.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'creditor_user'],
  'judicial_procedures.manage': ['judicial_specialist'],
  'judicial_procedures.queue': ['judicial_specialist', 'team_leader', 'manager'],
  /**
   * The judicial handoff (REGULATION §11 point 5): the partners a file is sent to (commissaires de justice, lawyers),
   * read by staff who send files and managed by the judicial team; a case's handoff files, read by the judicial team
   * and by the creditor (its own cases': the file is built for its partner), built, sent and acknowledged by the
   * judicial team.
   */
  'judicial_partners.read': ['team_leader', 'judicial_specialist', 'compliance_officer', 'manager', 'administrator'],
  'judicial_partners.manage': ['judicial_specialist', 'manager', 'administrator'],
  'handoffs.read': ['team_leader', 'judicial_specialist', 'compliance_officer', 'manager', 'creditor_user'],
  'handoffs.manage': ['judicial_specialist', 'manager'],
  /**
   * The care unit (REGULATION §4, §5): read a debtor's vulnerability records, signals and referrals (need-to-know then
   * decides who sees the details; everyone else reads a neutral care rule), record a vulnerability (any case worker
   * who learns of one), manage them (review, end, breathing space, signals, referrals: the care team and team
   * leaders), the care queue, the organisations directory (administrators, compliance), and the unit's figures.
   */
  'care.read': [...CASE_WORKERS, 'compliance_officer', 'manager'],
  'care.record': CASE_WORKERS,
  'care.manage': ['care_specialist', 'team_leader'],
  'care.queue': ['care_specialist', 'team_leader', 'manager'],
  'care.directory.manage': ['compliance_officer', 'administrator'],
  /** The directory itself reveals nothing about a person: those who refer and those who keep it up read it. */
  'care.directory.read': [...CASE_WORKERS, 'compliance_officer', 'manager', 'administrator'],
  'care.report': ['team_leader', 'compliance_officer', 'manager'],
  /**
   * Portfolio performance (recovery rates, liquidation curves): those who steer the portfolio, and the creditor for
   * its own portfolio only (creditor scope).
   */
  'reports.portfolio': ['team_leader', 'compliance_officer', 'manager', 'creditor_user'],
  /**
   * Agents and teams (calls, conversations, promises, plans and money beside call quality and satisfaction): team
   * leaders (their own team), compliance officers and managers (every team). Never creditor users: the figures name
   * the agency's people.
   */
  'reports.teams': ['team_leader', 'compliance_officer', 'manager'],
  /** The creditors' monthly reports (sent, and downloaded again): managers, and each creditor for its own. */
  'reports.monthly': ['manager', 'creditor_user'],
  'cases.close': ['team_leader', 'manager'],
  'cases.reopen': ['team_leader', 'manager'],
  'reference_data.read': STAFF_ROLES,
  'reference_data.manage': ['administrator'],
  /** The procedures' figures of law (deadlines, the A444-32 fee): the compliance officer owns what the law says. */
  'legal_figures.manage': ['compliance_officer', 'administrator'],
  /** Compliance officers read the users too: they approve access to case data (see users.approve_access). */
  'users.read': ['team_leader', 'compliance_officer', 'manager', 'administrator'],
  'users.manage': ['administrator'],
  /**
   * Separation of duties: an account given a role that reads case data (created, or raised) waits for a second
   * person's approval, a manager's or a compliance officer's, never the requester's (core/access-approval.ts).
   */
  'users.approve_access': ['compliance_officer', 'manager'],
  /** The audit trail in words; a debtor's own trail needs sensitive_reads.read (it shows who read their data). */
  'audit.read': ['compliance_officer', 'manager', 'administrator'],
  /**
   * Who read special-category data (budgets, vulnerability records) of which debtor, and a debtor's audit trail:
   * compliance officers only.
   */
  'sensitive_reads.read': ['compliance_officer'],
  'jobs.run': ['administrator'],
  /**
   * Training ("la Ruche"): every member of staff reads the modules, takes the quizzes and sees their own
   * certifications and path to another team; team leaders see their team's training state, managers everyone's.
   */
  'training.take': STAFF_ROLES,
  'training.team': ['team_leader', 'manager'],
  /**
   * Debtor satisfaction (REGULATION.md §15): the figures by agent, team, creditor and month for those who supervise
   * and those who answer for quality; the debtors' comments (minimised) for team leaders, their team's, and managers.
   * Never creditor users: the figures name the agency's people, and a creditor's portfolio is read in its reports.
   */
  'satisfaction.read': ['team_leader', 'compliance_officer', 'manager'],
  'satisfaction.comments': ['team_leader', 'manager'],
  // The survey's frequency is a contact rule: compliance owns it, with the manager.
  'satisfaction.settings': ['compliance_officer', 'manager'],
  /**
   * Call quality and coaching (REGULATION.md §15): team leaders review a sample of their team's calls against the
   * listening grid and write coaching notes (managers: every team's); everyone whose calls are reviewed (those who may
   * record a call) reads and acknowledges their own reviews and notes; the grid itself is owned by the compliance
   * officer, who answers for how the agency speaks to debtors (as for the contact policy), and is not scored by it.
   * Never creditor users: reviews name the agency's people.
   */
  'quality.review': ['team_leader', 'manager'],
  'quality.read_own': [...CASE_WORKERS, 'manager'],
  'quality.grid': ['compliance_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => can(role, permission));
}
