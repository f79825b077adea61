import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A WebAuthn authenticator in the test process, made with Node's crypto: an ES256 key pair per credential, a 'none'
 * attestation, authenticator data with the RP id's hash, the flags and a counter, and the client data a browser
 * would sign. It answers the options the server gives as `@simplewebauthn/browser` would pass them on.
 */

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** The little CBOR WebAuthn needs: maps with integer or text keys, integers, byte and text strings. */
type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;
function cbor(value: Cbor): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface TestCredential {
  id: Buffer;
  privateKey: KeyObject;
  userHandle: string;
  counter: number;
}

export interface Origin {
  rpId: string;
  origin: string;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

interface RequestOptions {
  challenge: string;
}

function authData(rpId: string, flags: number, counter: number, attested?: Buffer) {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/** A new credential answering `navigator.credentials.create()`: the JSON the browser library posts. */
export function createCredential(options: CreationOptions, at: Origin, counter = 0) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const coseKey = new Map<number, Cbor>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, Buffer.from(jwk.x!, 'base64url')],
    [-3, Buffer.from(jwk.y!, 'base64url')],
  ]);
  const id = randomBytes(32);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(id.length);
  const attested = Buffer.concat([Buffer.alloc(16), length, id, cbor(coseKey)]);
  const data = authData(at.rpId, FLAG_UP | FLAG_UV | FLAG_AT, counter, attested);
  const attestationObject = cbor(
    new Map<string, Cbor>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', data],
    ]),
  );
  const clientData = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: at.origin });
  const credential: TestCredential = { id, privateKey, userHandle: options.user.id, counter };
  return {
    credential,
    response: {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    },
  };
}

/**
 * The credential's answer to `navigator.credentials.get()`: its counter moved on by one unless told which to sign,
 * the person verified unless told otherwise, and the user handle it was made with unless another is given.
 */
export function assertCredential(
  credential: TestCredential,
  options: RequestOptions,
  at: Origin,
  change: { counter?: number; verified?: boolean; userHandle?: string } = {},
) {
  const counter = change.counter ?? credential.counter + 1;
  credential.counter = Math.max(credential.counter, counter);
  const data = authData(at.rpId, FLAG_UP | (change.verified === false ? 0 : FLAG_UV), counter);
  const clientData = JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: at.origin });
  const signature = sign('sha256', Buffer.concat([data, sha256(clientData)]), credential.privateKey);
  return {
    id: b64url(credential.id),
    rawId: b64url(credential.id),
    type: 'public-key',
    response: {
      clientDataJSON: b64url(clientData),
      authenticatorData: b64url(data),
      signature: b64url(signature),
      userHandle: change.userHandle ?? credential.userHandle,
    },
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
  };
}
