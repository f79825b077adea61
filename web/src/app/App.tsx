import { ComplaintsPage } from '../features/complaints/ComplaintsPage.js';
import { MediatorsPage } from '../features/complaints/MediatorsPage.js';
import { CampaignsPage } from '../features/communications/CampaignsPage.js';
import { DirectoryPage } from '../features/care/referrals/DirectoryPage.js';
import { PartnersPage } from '../features/judicial/PartnersPage.js';
import { TimeBarsPage } from '../features/time-bars/TimeBarsPage.js';
import { ProcedureQueuePage } from '../features/judicial/ProcedureQueuePage.js';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '../features/identity/permissions.js';
import { RequirePermission } from './RequirePermission.js';
import { RequireSession } from './RequireSession.js';
import { Shell } from './Shell.js';
import { SearchPage } from '../features/search/SearchPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { DebtorAuditPage } from '../features/audit/DebtorAuditPage.js';
import { BankMatchQueuePage } from '../features/bank-files/BankMatchQueuePage.js';
import { BankStatementPage } from '../features/bank-files/BankStatementPage.js';
import { BankStatementsPage } from '../features/bank-files/BankStatementsPage.js';
import { BudgetPage } from '../features/affordability/BudgetPage.js';
import { CaseReviewsPage } from '../features/plans/CaseReviewsPage.js';
import { CasePage } from '../features/portfolio/CasePage.js';
import { CasesPage } from '../features/portfolio/CasesPage.js';
import { ContactPolicyDraftPage } from '../features/contact-policy/ContactPolicyDraftPage.js';
import { ContactPolicyHolidaysPage } from '../features/contact-policy/ContactPolicyHolidaysPage.js';
import { ContactPolicyPage } from '../features/contact-policy/ContactPolicyPage.js';
import { ContactPolicyVersionPage } from '../features/contact-policy/ContactPolicyVersionPage.js';
import { CreditorPage } from '../features/portfolio/CreditorPage.js';
import { CreditorsPage } from '../features/portfolio/CreditorsPage.js';
import { DebtorMatchesPage } from '../features/debtors/DebtorMatchesPage.js';
import { HomePage } from '../features/reporting/HomePage.js';
import { MonthlyReportPage } from '../features/reporting/MonthlyReportPage.js';
import { LoginPage } from '../features/identity/LoginPage.js';
import { ForgottenPasswordPage } from '../features/identity/ForgottenPasswordPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { PaymentsPage } from '../features/remittances/PaymentsPage.js';
import { PrintRunsPage } from '../features/communications/PrintRunsPage.js';
import { TemplateEditorPage } from '../features/communications/TemplateEditorPage.js';
import { TemplatesPage } from '../features/communications/TemplatesPage.js';
import { DisputesPage } from '../features/disputes/DisputesPage.js';
import { ReviewPage } from '../features/judicial/ReviewPage.js';
import { ReviewQueuePage } from '../features/judicial/ReviewQueuePage.js';
import { OverindebtednessQueuePage } from '../features/overindebtedness/OverindebtednessQueuePage.js';
import { CareReportPage } from '../features/reporting/CareReportPage.js';
import { PortfolioReportPage } from '../features/reporting/PortfolioReportPage.js';
import { ConductReportPage } from '../features/reporting/ConductReportPage.js';
import { TeamsReportPage } from '../features/reporting/TeamsReportPage.js';
import { CareQueuePage } from '../features/care/CareQueuePage.js';
import { PlacementPage } from '../features/intake/PlacementPage.js';
import { PlacementsPage } from '../features/intake/PlacementsPage.js';
import { PlacementUploadPage } from '../features/intake/PlacementUploadPage.js';
import { PlanApprovalsPage } from '../features/plans/PlanApprovalsPage.js';
import { PlansPage } from '../features/plans/PlansPage.js';
import { ReferenceDataPage } from '../features/affordability/ReferenceDataPage.js';
import { RemittancePage } from '../features/remittances/RemittancePage.js';
import { UsersPage } from '../features/identity/UsersPage.js';
import { UserPage } from '../features/identity/UserPage.js';
import { TeamsPage } from '../features/identity/TeamsPage.js';
import { StrategiesPage } from '../features/workspace/supervision/StrategiesPage.js';
import { TeamQueuesPage } from '../features/workspace/supervision/TeamQueuesPage.js';
import { WorkspacePage } from '../features/workspace/WorkspacePage.js';
import { ModulePage } from '../features/training/ModulePage.js';
import { QuizPage } from '../features/training/QuizPage.js';
import { TeamTrainingPage } from '../features/training/TeamTrainingPage.js';
import { TrainingPage } from '../features/training/TrainingPage.js';
import { SatisfactionPage } from '../features/satisfaction/SatisfactionPage.js';
import { GridEditorPage } from '../features/quality/GridEditorPage.js';
import { QualityPage } from '../features/quality/QualityPage.js';

/** Each page route names the permission it needs, the same one the navigation and the API check. */
function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/password-forgotten" element={<ForgottenPasswordPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={guarded('dashboard.read', <HomePage />)} />
        <Route path="workspace" element={guarded('queues.work', <WorkspacePage />)} />
        <Route path="team-queues" element={guarded('queues.supervise', <TeamQueuesPage />)} />
        <Route path="strategies" element={guarded('strategies.read', <StrategiesPage />)} />
        <Route path="cases" element={guarded('cases.read', <CasesPage />)} />
        <Route path="cases/:id" element={guarded('cases.read', <CasePage />)} />
        <Route path="search" element={guarded('cases.read', <SearchPage />)} />
        <Route path="cases/:id/budget" element={guarded('affordability.compute', <BudgetPage />)} />
        <Route path="cases/:id/plans" element={guarded('plans.read', <PlansPage />)} />
        <Route path="plan-approvals" element={guarded('plans.approve', <PlanApprovalsPage />)} />
        <Route path="case-reviews" element={guarded('plans.review', <CaseReviewsPage />)} />
        <Route path="placements" element={guarded('placements.read', <PlacementsPage />)} />
        <Route path="placements/new" element={guarded('placements.create', <PlacementUploadPage />)} />
        <Route path="placements/:id" element={guarded('placements.read', <PlacementPage />)} />
        <Route path="debtor-matches" element={guarded('debtors.review_matches', <DebtorMatchesPage />)} />
        <Route path="contact-policy" element={guarded('contact_policy.read', <ContactPolicyPage />)} />
        <Route
          path="contact-policy/versions/:version"
          element={guarded('contact_policy.read', <ContactPolicyVersionPage />)}
        />
        <Route path="contact-policy/draft" element={guarded('contact_policy.manage', <ContactPolicyDraftPage />)} />
        <Route path="contact-policy/holidays" element={guarded('contact_policy.read', <ContactPolicyHolidaysPage />)} />
        <Route path="payments" element={guarded('remittances.read', <PaymentsPage />)} />
        <Route path="print-runs" element={guarded('print_runs.manage', <PrintRunsPage />)} />
        <Route path="disputes" element={guarded('disputes.read', <DisputesPage />)} />
        <Route path="judicial-reviews" element={guarded('judicial_reviews.review', <ReviewQueuePage />)} />
        <Route path="judicial-reviews/:id" element={guarded('judicial_reviews.review', <ReviewPage />)} />
        <Route path="overindebtedness" element={guarded('overindebtedness.queue', <OverindebtednessQueuePage />)} />
        <Route path="reports/care" element={guarded('care.report', <CareReportPage />)} />
        <Route path="reports/portfolio" element={guarded('reports.portfolio', <PortfolioReportPage />)} />
        <Route path="reports/conduct" element={guarded('reports.portfolio', <ConductReportPage />)} />
        <Route path="reports/teams" element={guarded('reports.teams', <TeamsReportPage />)} />
        <Route path="reports/monthly" element={guarded('reports.monthly', <MonthlyReportPage />)} />
        <Route path="training" element={guarded('training.take', <TrainingPage />)} />
        <Route path="training/team" element={guarded('training.team', <TeamTrainingPage />)} />
        <Route path="satisfaction" element={guarded('satisfaction.read', <SatisfactionPage />)} />
        <Route path="quality" element={guarded('quality.read_own', <QualityPage />)} />
        <Route path="quality/grid" element={guarded('quality.grid', <GridEditorPage />)} />
        <Route path="training/modules/:moduleId" element={guarded('training.take', <ModulePage />)} />
        <Route path="training/attempts/:attemptId" element={guarded('training.take', <QuizPage />)} />
        <Route path="care" element={guarded('care.queue', <CareQueuePage />)} />
        <Route path="remittances/:id" element={guarded('remittances.read', <RemittancePage />)} />
        <Route path="bank-statements" element={guarded('bank_files.read', <BankStatementsPage />)} />
        <Route path="bank-statements/:id" element={guarded('bank_files.read', <BankStatementPage />)} />
        <Route path="bank-match-queue" element={guarded('bank_files.read', <BankMatchQueuePage />)} />
        <Route path="creditors" element={guarded('creditors.read', <CreditorsPage />)} />
        <Route path="creditors/:id" element={guarded('creditors.read', <CreditorPage />)} />
        <Route path="users" element={guarded('users.read', <UsersPage />)} />
        <Route path="users/:id" element={guarded('users.read', <UserPage />)} />
        <Route path="teams" element={guarded('users.read', <TeamsPage />)} />
        <Route path="reference-data" element={guarded('reference_data.read', <ReferenceDataPage />)} />
        <Route path="complaints" element={guarded('complaints.register_read', <ComplaintsPage />)} />
        <Route path="mediators" element={guarded('mediators.manage', <MediatorsPage />)} />
        <Route path="campaigns" element={guarded('campaigns.read', <CampaignsPage />)} />
        <Route path="templates" element={guarded('templates.read', <TemplatesPage />)} />
        <Route
          path="templates/:template/:channel/:language"
          element={guarded('templates.read', <TemplateEditorPage />)}
        />
        <Route path="care/organisations" element={guarded('care.directory.read', <DirectoryPage />)} />
        <Route path="judicial-partners" element={guarded('judicial_partners.read', <PartnersPage />)} />
        <Route path="time-bars" element={guarded('time_bars.review', <TimeBarsPage />)} />
        <Route path="judicial/procedures" element={guarded('judicial_procedures.queue', <ProcedureQueuePage />)} />
        <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
        <Route path="audit/debtors/:id" element={guarded('sensitive_reads.read', <DebtorAuditPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
