import { createCampaign } from '../communications/campaigns/campaigns.js';
import { saveTemplateDraft, submitTemplateDraft } from '../communications/templates/template-admin.js';
import type { Deps } from '../platform/deps.js';
import { actorOf } from './documents.js';

/**
 * Two campaigns the compliance officer drafted, both paused: the page shows them to preview and activate. Nothing is
 * run, so the demo sends nothing until someone decides to.
 */
export async function loadDemoCampaigns(deps: Deps): Promise<void> {
  const compliance = await actorOf(deps, 'compliance@demo.accord.test');
  if (!compliance) return;
  await createCampaign(
    deps,
    compliance,
    {
      name: 'Relance e-mail des dossiers jamais joints',
      channel: 'email',
      template: 'reminder',
      segmentIds: ['no-contact-yet'],
      intervalDays: 14,
      dailyLimit: 200,
    },
    null,
  );
  await createCampaign(
    deps,
    compliance,
    {
      name: 'SMS après appels sans réponse',
      channel: 'sms',
      template: 'call_us',
      segmentIds: ['no-contact-yet', 'broken-promises'],
      intervalDays: 10,
      dailyLimit: 100,
    },
    null,
  );
}

/**
 * A new wording of the "call us" SMS that the compliance officer wrote and submitted: the manager finds it to review
 * (return or publish) on the templates page. Nothing is published, so the demo sends the shipped texts.
 */
export async function loadDemoTemplateDraft(deps: Deps): Promise<void> {
  const compliance = await actorOf(deps, 'compliance@demo.accord.test');
  if (!compliance) return;
  const slot = { template: 'call_us', channel: 'sms', language: 'fr' } as const;
  await saveTemplateDraft(
    deps,
    compliance,
    slot,
    {
      subject: null,
      body: "{{agencyName}} : nous n'avons pas pu vous joindre. Rappelez-nous au {{agencyPhone}} (dossier {{caseReference}}, courrier {{firstLetterReference}}). STOP au numéro d'envoi pour ne plus recevoir de SMS.",
    },
    null,
  );
  await submitTemplateDraft(deps, compliance, slot, null);
}
