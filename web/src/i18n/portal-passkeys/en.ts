import type { portalPasskeysFr } from './fr.js';

/** Passkeys on the debtor portal, in English: said plainly, no jargon. */
export const portalPasskeysEn: typeof portalPasskeysFr = {
  signIn: 'Sign in with a passkey',
  signInHint: 'Already created a passkey on this device? No need for the letter or a code.',
  offer: {
    heading: 'Come back more easily next time',
    text: 'You can create a passkey on this device. Next time, you get in by unlocking your phone or computer (fingerprint, face or PIN), with no letter and no code sent to you.',
    private:
      'Your fingerprint or face stays on your device: we never receive it. This is optional, and you can remove the passkey at any time.',
    name: 'Name of this device (optional)',
    nameHint: 'For example “My phone”, to recognise it in the list.',
    create: 'Create a passkey on this device',
    decline: 'Not now',
    created: 'Done: next time, choose “Sign in with a passkey”.',
    cancelled: 'The passkey was not created. You can try again, or go on without one.',
  },
  link: 'My passkeys',
  page: {
    title: 'My passkeys',
    intro: 'A passkey lets you into your space by unlocking your device, with no letter and no code.',
    none: 'You have no passkey.',
    unnamed: 'Passkey with no name',
    createdOn: 'Created on {{day}}',
    lastUsed: 'Last used on {{day}}',
    neverUsed: 'Not used yet',
    addAfterCode:
      'To add a passkey, sign in with the code in your letter and the code we send you: a passkey cannot create another one.',
    remove: 'Remove',
    removeLabel: 'Remove the passkey “{{name}}”',
    removed: 'The passkey is removed: it no longer opens your space.',
    add: 'Create a passkey on this device',
    lost: 'Device lost or stolen? Remove its passkey here, or call us: we remove all your passkeys.',
  },
  staff: {
    heading: 'Passkeys to the debtor portal',
    none: 'The person has no passkey to their online space.',
    count_one: 'The person has {{count}} passkey to their online space.',
    count_other: 'The person has {{count}} passkeys to their online space.',
    lastUsed: 'Last used on {{day}}.',
    neverUsed: 'Never used to sign in.',
    revoke: 'Revoke the passkeys',
    confirmText:
      'All the person’s passkeys will be revoked and their open sessions on the online space ended (a lost or stolen phone, a doubt). They can still get in with the access code on their letter and a one-time code.',
    confirm: 'Revoke all their passkeys',
    cancel: 'Cancel',
    revoked_one: '{{count}} passkey revoked: it no longer opens the online space.',
    revoked_other: '{{count}} passkeys revoked: they no longer open the online space.',
    revokedNone: 'No passkey to revoke: the person had none.',
    sessionsEnded_one: '{{count}} open session was ended.',
    sessionsEnded_other: '{{count}} open sessions were ended.',
  },
};
