import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from './api/types.js';
import { RequirePermission } from './components/RequirePermission.js';
import { RequireSession } from './components/RequireSession.js';
import { Shell } from './components/Shell.js';
import { AuditPage } from './pages/AuditPage.js';
import { BankMatchQueuePage } from './pages/BankMatchQueuePage.js';
import { BankStatementPage } from './pages/BankStatementPage.js';
import { BankStatementsPage } from './pages/BankStatementsPage.js';
import { BudgetPage } from './pages/BudgetPage.js';
import { CaseReviewsPage } from './pages/CaseReviewsPage.js';
import { CasePage } from './pages/CasePage.js';
import { CasesPage } from './pages/CasesPage.js';
import { ContactPolicyDraftPage } from './pages/ContactPolicyDraftPage.js';
import { ContactPolicyHolidaysPage } from './pages/ContactPolicyHolidaysPage.js';
import { ContactPolicyPage } from './pages/ContactPolicyPage.js';
import { ContactPolicyVersionPage } from './pages/ContactPolicyVersionPage.js';
import { CreditorPage } from './pages/CreditorPage.js';
import { CreditorsPage } from './pages/CreditorsPage.js';
import { DebtorMatchesPage } from './pages/DebtorMatchesPage.js';
import { HomePage } from './pages/HomePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PaymentsPage } from './pages/PaymentsPage.js';
import { PlacementPage } from './pages/PlacementPage.js';
import { PlacementsPage } from './pages/PlacementsPage.js';
import { PlacementUploadPage } from './pages/PlacementUploadPage.js';
import { PlanApprovalsPage } from './pages/PlanApprovalsPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { ReferenceDataPage } from './pages/ReferenceDataPage.js';
import { RemittancePage } from './pages/RemittancePage.js';
import { UsersPage } from './pages/UsersPage.js';
import { StrategiesPage } from './pages/StrategiesPage.js';
import { TeamQueuesPage } from './pages/TeamQueuesPage.js';
import { WorkspacePage } from './pages/WorkspacePage.js';

/** Each page route names the permission it needs, the same one the navigation and the API check. */
function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="cases/:id/budget" element={guarded('affordability.compute', <BudgetPage />)} />
        <Route path="cases/:id/plans" element={guarded('plans.read', <PlansPage />)} />
        <Route path="plan-approvals" element={guarded('plans.approve', <PlanApprovalsPage />)} />
        <Route path="case-reviews" element={guarded('plans.review', <CaseReviewsPage />)} />
        <Route path="placements" element={guarded('placements.read', <PlacementsPage />)} />
        <Route path="placements/new" element={guarded('placements.create', <PlacementUploadPage />)} />
        <Route path="placements/:id" element={guarded('placements.read', <PlacementPage />)} />
        <Route path="debtor-matches" element={guarded('debtors.review_matches', <DebtorMatchesPage />)} />
        <Route path="contact-policy" element={guarded('contact_policy.read', <ContactPolicyPage />)} />
        <Route path="contact-policy/versions/:version" element={guarded('contact_policy.read', <ContactPolicyVersionPage />)} />
        <Route path="contact-policy/draft" element={guarded('contact_policy.manage', <ContactPolicyDraftPage />)} />
        <Route path="contact-policy/holidays" element={guarded('contact_policy.read', <ContactPolicyHolidaysPage />)} />
        <Route path="payments" element={guarded('remittances.read', <PaymentsPage />)} />
        <Route path="remittances/:id" element={guarded('remittances.read', <RemittancePage />)} />
        <Route path="bank-statements" element={guarded('bank_files.read', <BankStatementsPage />)} />
        <Route path="bank-statements/:id" element={guarded('bank_files.read', <BankStatementPage />)} />
        <Route path="bank-match-queue" element={guarded('bank_files.read', <BankMatchQueuePage />)} />
        <Route path="creditors" element={guarded('creditors.read', <CreditorsPage />)} />
        <Route path="creditors/:id" element={guarded('creditors.read', <CreditorPage />)} />
        <Route path="users" element={guarded('users.read', <UsersPage />)} />
        <Route path="reference-data" element={guarded('reference_data.read', <ReferenceDataPage />)} />
        <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
