import type { Conditions, Segment, StrategyDocument, Treatment } from './api.js';

/** The pure edits of the strategy form: each returns a new document, the one given is never changed. */

export function replaceSegment(document: StrategyDocument, index: number, segment: Segment): StrategyDocument {
  return { ...document, segments: document.segments.map((old, i) => (i === index ? segment : old)) };
}

export function moveSegment(document: StrategyDocument, index: number, delta: -1 | 1): StrategyDocument {
  const target = index + delta;
  if (target < 0 || target >= document.segments.length) return document;
  const segments = [...document.segments];
  [segments[index], segments[target]] = [segments[target]!, segments[index]!];
  return { ...document, segments };
}

export function removeSegment(document: StrategyDocument, index: number): StrategyDocument {
  if (document.segments.length <= 1) return document;
  return { ...document, segments: document.segments.filter((_, i) => i !== index) };
}

/** A new segment goes before the last one, which must stay the catch-all. */
export function addSegment(document: StrategyDocument, name: string): StrategyDocument {
  const taken = new Set(document.segments.map((segment) => segment.id));
  let n = document.segments.length;
  while (taken.has(`segment-${n}`)) n += 1;
  const segment: Segment = {
    id: `segment-${n}`,
    name,
    when: { stages: ['amicable'] },
    treatment: { team: 'amicable', channels: ['phone'], priority: 500 },
  };
  const at = Math.max(document.segments.length - 1, 0);
  return { ...document, segments: [...document.segments.slice(0, at), segment, ...document.segments.slice(at)] };
}

/** Sets a condition, or removes it when it has no value (an empty list, an empty field). */
export function withCondition<K extends keyof Conditions>(when: Conditions, key: K, value: Conditions[K]): Conditions {
  const next = { ...when };
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** Adds or removes a value of a list, keeping the order of `all` (channels: the order of preference given). */
export function toggled<T extends string>(list: readonly T[] | undefined, value: T, all: readonly T[]): T[] {
  const current = list ?? [];
  if (current.includes(value)) return current.filter((item) => item !== value);
  return all.filter((item) => item === value || current.includes(item));
}

export function withChallenger(segment: Segment, on: boolean): Segment {
  if (!on) {
    const { challenger: _challenger, ...rest } = segment;
    return rest;
  }
  const treatment: Treatment = { ...segment.treatment };
  return { ...segment, challenger: segment.challenger ?? { sharePercent: 10, treatment } };
}

/** A whole number typed in a field, or undefined when the field is empty or not a number. */
export function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * The JSON as the form can show it: an object with a title and a list of segments each with its conditions and
 * treatment. Anything else stays in the JSON view until it is put right there.
 */
export function formShape(value: unknown): StrategyDocument | null {
  if (typeof value !== 'object' || value === null) return null;
  const document = value as Partial<StrategyDocument>;
  if (typeof document.title !== 'string' || !Array.isArray(document.segments)) return null;
  const fits = document.segments.every(
    (segment: unknown) =>
      typeof segment === 'object' &&
      segment !== null &&
      typeof (segment as Segment).when === 'object' &&
      typeof (segment as Segment).treatment === 'object' &&
      Array.isArray((segment as Segment).treatment?.channels),
  );
  return fits ? (document as StrategyDocument) : null;
}
