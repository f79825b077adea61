import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps.js';
import { createHttpApp, type AppOptions, type RoutePlugin } from '../platform/http/app.js';
import { installAccessControl } from '../identity/access-control.js';
import { identityRoutes } from '../identity/routes.js';
import { accessRequestRoutes } from '../identity/access-request-routes.js';
import { administrationRoutes } from '../identity/administration-routes.js';
import { portfolioRoutes } from '../portfolio/routes.js';
import { reportingRoutes } from '../reporting/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { jobRoutes } from '../jobs/routes.js';
import { intakeRoutes } from '../intake/routes.js';
import { debtorRoutes } from '../debtors/routes.js';
import { contactRoutes } from '../contact-policy/contact-routes.js';
import { contactPolicyRoutes } from '../contact-policy/policy-routes.js';
import { paymentRoutes } from '../payments/routes.js';
import { remittanceRoutes } from '../remittances/routes.js';
import { bankFileRoutes } from '../bank-files/routes.js';
import { affordabilityRoutes } from '../affordability/routes.js';
import { planRoutes } from '../plans/routes.js';
import { workspaceRoutes } from '../workspace/routes.js';
import { needToKnowRoutes } from '../need-to-know/routes.js';
import { searchRoutes } from '../search/routes.js';
import { documentRoutes } from '../documents/routes.js';
import { notificationRoutes } from '../notifications/routes.js';
import { complaintRoutes } from '../complaints/routes.js';
import { timeBarRoutes } from '../time-bars/routes.js';
import { disputeRoutes } from '../disputes/routes.js';
import { judicialReviewRoutes } from '../judicial/review-routes.js';
import { closureRoutes } from '../closures/routes.js';
import { estateRoutes } from '../estates/routes.js';
import { overindebtednessRoutes } from '../overindebtedness/routes.js';
import { judicialProcedureRoutes } from '../judicial/procedure-routes.js';
import { handoffRoutes } from '../judicial/handoff-routes.js';
import { legalFigureRoutes } from '../legal-figures/routes.js';
import { partnerInboxRoutes } from '../judicial/partner-inbox-routes.js';
import { partnerApiRoutes } from '../judicial/partner-api-routes.js';
import { careReferralRoutes } from '../care/referrals/routes.js';
import { careRoutes } from '../care/routes.js';
import { communicationRoutes } from '../communications/routes.js';
import { campaignRoutes } from '../communications/campaigns/routes.js';
import { messageTemplateRoutes } from '../communications/templates/routes.js';
import { emailRoutes } from '../communications/email/routes.js';
import { printRunRoutes } from '../communications/print-run/routes.js';
import { staffPasskeyRoutes } from '../portal/passkey-routes.js';
import { portalRoutes } from '../portal/routes.js';
import { trainingRoutes } from '../training/routes.js';
import { satisfactionRoutes } from '../satisfaction/routes.js';
import { qualityRoutes } from '../quality/routes.js';

/** Every capability's routes: the API is exactly this list (a capability never registers another's routes). */
export const ROUTE_PLUGINS: readonly RoutePlugin[] = [
  identityRoutes,
  accessRequestRoutes,
  administrationRoutes,
  portfolioRoutes,
  reportingRoutes,
  auditRoutes,
  jobRoutes,
  intakeRoutes,
  debtorRoutes,
  contactRoutes,
  contactPolicyRoutes,
  paymentRoutes,
  remittanceRoutes,
  bankFileRoutes,
  affordabilityRoutes,
  planRoutes,
  workspaceRoutes,
  notificationRoutes,
  needToKnowRoutes,
  searchRoutes,
  documentRoutes,
  complaintRoutes,
  timeBarRoutes,
  disputeRoutes,
  closureRoutes,
  estateRoutes,
  judicialReviewRoutes,
  overindebtednessRoutes,
  judicialProcedureRoutes,
  legalFigureRoutes,
  handoffRoutes,
  partnerInboxRoutes,
  partnerApiRoutes,
  careReferralRoutes,
  careRoutes,
  communicationRoutes,
  campaignRoutes,
  messageTemplateRoutes,
  emailRoutes,
  printRunRoutes,
  portalRoutes,
  staffPasskeyRoutes,
  trainingRoutes,
  satisfactionRoutes,
  qualityRoutes,
];

/** Accord's HTTP app: the platform's plumbing, identity's access control, and every capability's routes. */
export function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  return createHttpApp(deps, { guard: installAccessControl, routes: ROUTE_PLUGINS }, options);
}
