import { Ajv2020 } from 'ajv/dist/2020.js';
import { HANDOFF_SCHEMA } from './core/handoff-schema.js';

/**
 * Checks a handoff document against its published JSON Schema (draft 2020-12, ajv), before it is stored or sent:
 * a file a partner's software would refuse is never built. Returns the errors in words, or none.
 */
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(HANDOFF_SCHEMA);

export function handoffSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
