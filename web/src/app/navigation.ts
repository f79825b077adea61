import { can, type Permission, type Role } from '../features/identity/permissions.js';

/**
 * The main navigation. Each entry names the permission its page needs; the menu is filtered with the server's own
 * permission matrix, so it never offers a page the API would refuse.
 */
export interface NavigationEntry {
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.workspace'
    | 'nav.teamQueues'
    | 'nav.strategies'
    | 'nav.cases'
    | 'nav.placements'
    | 'nav.debtorMatches'
    | 'nav.planApprovals'
    | 'nav.caseReviews'
    | 'nav.disputes'
    | 'nav.judicialReviews'
    | 'nav.overindebtedness'
    | 'nav.care'
    | 'nav.contactPolicy'
    | 'nav.campaigns'
    | 'nav.templates'
    | 'nav.payments'
    | 'nav.bankStatements'
    | 'nav.referenceData'
    | 'nav.creditors'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.complaints'
    | 'nav.mediators'
    | 'nav.partners'
    | 'nav.timeBars'
    | 'nav.judicialProcedures'
    | 'nav.careReport'
    | 'nav.careDirectory'
    | 'nav.printRuns'
    | 'nav.portfolioReport'
    | 'nav.conductReport'
    | 'nav.teamsReport'
    | 'nav.monthlyReport'
    | 'nav.training'
    | 'nav.trainingTeam'
    | 'nav.satisfaction'
    | 'nav.quality'
    | 'nav.qualityGrid';
  permission: Permission;
}

export const NAVIGATION: readonly NavigationEntry[] = [
  { path: '/', labelKey: 'nav.home', permission: 'dashboard.read' },
  { path: '/workspace', labelKey: 'nav.workspace', permission: 'queues.work' },
  { path: '/cases', labelKey: 'nav.cases', permission: 'cases.read' },
  { path: '/team-queues', labelKey: 'nav.teamQueues', permission: 'queues.supervise' },
  { path: '/strategies', labelKey: 'nav.strategies', permission: 'strategies.read' },
  { path: '/placements', labelKey: 'nav.placements', permission: 'placements.read' },
  { path: '/debtor-matches', labelKey: 'nav.debtorMatches', permission: 'debtors.review_matches' },
  { path: '/plan-approvals', labelKey: 'nav.planApprovals', permission: 'plans.approve' },
  { path: '/case-reviews', labelKey: 'nav.caseReviews', permission: 'plans.review' },
  { path: '/disputes', labelKey: 'nav.disputes', permission: 'disputes.read' },
  { path: '/judicial-reviews', labelKey: 'nav.judicialReviews', permission: 'judicial_reviews.review' },
  { path: '/overindebtedness', labelKey: 'nav.overindebtedness', permission: 'overindebtedness.queue' },
  { path: '/care', labelKey: 'nav.care', permission: 'care.queue' },
  { path: '/contact-policy', labelKey: 'nav.contactPolicy', permission: 'contact_policy.read' },
  { path: '/campaigns', labelKey: 'nav.campaigns', permission: 'campaigns.read' },
  { path: '/templates', labelKey: 'nav.templates', permission: 'templates.read' },
  { path: '/payments', labelKey: 'nav.payments', permission: 'remittances.read' },
  { path: '/print-runs', labelKey: 'nav.printRuns', permission: 'print_runs.manage' },
  { path: '/bank-statements', labelKey: 'nav.bankStatements', permission: 'bank_files.read' },
  { path: '/creditors', labelKey: 'nav.creditors', permission: 'creditors.read' },
  { path: '/users', labelKey: 'nav.users', permission: 'users.read' },
  // Every staff member may read the reference data; those who add to it (administrators, and compliance officers for
  // the procedures' figures of law) get a menu entry, the others reach it from the budget page.
  { path: '/reference-data', labelKey: 'nav.referenceData', permission: 'legal_figures.manage' },
  { path: '/complaints', labelKey: 'nav.complaints', permission: 'complaints.register_read' },
  { path: '/mediators', labelKey: 'nav.mediators', permission: 'mediators.manage' },
  // The care team reads the directory from a case's referrals; those who keep it up get a menu entry.
  { path: '/care/organisations', labelKey: 'nav.careDirectory', permission: 'care.directory.manage' },
  // Team leaders and compliance officers may read the partners (from a case); the menu is the judicial team's.
  { path: '/judicial-partners', labelKey: 'nav.partners', permission: 'judicial_partners.manage' },
  { path: '/time-bars', labelKey: 'nav.timeBars', permission: 'time_bars.review' },
  { path: '/judicial/procedures', labelKey: 'nav.judicialProcedures', permission: 'judicial_procedures.queue' },
  { path: '/reports/care', labelKey: 'nav.careReport', permission: 'care.report' },
  { path: '/reports/portfolio', labelKey: 'nav.portfolioReport', permission: 'reports.portfolio' },
  { path: '/reports/conduct', labelKey: 'nav.conductReport', permission: 'reports.portfolio' },
  { path: '/reports/teams', labelKey: 'nav.teamsReport', permission: 'reports.teams' },
  { path: '/reports/monthly', labelKey: 'nav.monthlyReport', permission: 'reports.monthly' },
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { path: '/training', labelKey: 'nav.training', permission: 'training.take' },
  { path: '/training/team', labelKey: 'nav.trainingTeam', permission: 'training.team' },
  { path: '/satisfaction', labelKey: 'nav.satisfaction', permission: 'satisfaction.read' },
  // Everyone whose calls are reviewed reads their own reviews there; team leaders and managers review their team's.
  { path: '/quality', labelKey: 'nav.quality', permission: 'quality.read_own' },
  // The listening grid's owner (compliance) writes its versions; those scored on it read it with each review.
  { path: '/quality/grid', labelKey: 'nav.qualityGrid', permission: 'quality.grid' },
];

export function navigationFor(role: Role): NavigationEntry[] {
  return NAVIGATION.filter((entry) => can(role, entry.permission));
}
