import { createCampaign } from '../communications/campaigns/campaigns.js';
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
