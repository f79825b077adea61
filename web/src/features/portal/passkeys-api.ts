import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { PortalMe } from '../../../../src/portal/contract.js';
import type { PortalPasskey, PortalPasskeys } from '../../../../src/portal/passkeys/contract.js';
import { http } from '../../api/client.js';

/** Passkeys on the portal (docs/portal.md "Passkeys"): the device does the WebAuthn part, the server checks it. */

export type { PortalPasskey, PortalPasskeys };

const BASE = '/api/portal/v1';

interface Ceremony<T> {
  challengeId: string;
  options: T;
}

export const passkeysApi = {
  list: (signal?: AbortSignal) => http.get<PortalPasskeys>(`${BASE}/passkeys`, undefined, signal),
  decline: () => http.post<void>(`${BASE}/passkeys/offer/decline`),
  remove: (id: string) => http.post<void>(`${BASE}/passkeys/${id}/remove`),
  /** Makes a passkey on this device: the server's options, the device's answer, the server's check. */
  async create(name: string): Promise<PortalPasskey> {
    const ceremony = await http.post<Ceremony<PublicKeyCredentialCreationOptionsJSON>>(`${BASE}/passkeys/options`);
    const response = await startRegistration({ optionsJSON: ceremony.options });
    return http.post<PortalPasskey>(`${BASE}/passkeys`, {
      challengeId: ceremony.challengeId,
      response,
      ...(name.trim() ? { name } : {}),
    });
  },
  /** Signs in with a passkey of this site the device offers (no access code asked first). */
  async signIn(): Promise<PortalMe> {
    const ceremony = await http.post<Ceremony<PublicKeyCredentialRequestOptionsJSON>>(
      `${BASE}/sign-in/passkey/options`,
    );
    const response = await startAuthentication({ optionsJSON: ceremony.options });
    return http.post<PortalMe>(`${BASE}/sign-in/passkey`, { challengeId: ceremony.challengeId, response });
  },
};

/** Whether WebAuthn's "The operation either timed out or was not allowed" is what the browser said: the person cancelled. */
export function cancelledByPerson(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
