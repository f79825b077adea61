import { describe, expect, it } from 'vitest';
import { CASE_EVENT_KINDS, RECORD_TEXTS, RECORD_TEXT_KEYS } from '../../../src/cases/contract.js';
import { DEFAULT_POLICY, describePolicy, shippedNotices } from '../../../src/contact-policy/contract.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { it as italian } from './it.js';

type Tree = { [key: string]: string | Tree };

/** Every key of a tree of texts, as the dotted path i18next looks up. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function textAt(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const LANGUAGES = { fr, en, it: italian } as unknown as Record<string, Tree>;
const frenchKeys = keysOf(LANGUAGES.fr!);

// That every language has every key is checked with the server's codes, in e2e/translations.test.ts.
describe('the texts of every language', () => {
  for (const language of ['en', 'it']) {
    it(`uses in ${language} the same placeholders as in French`, () => {
      const differing = frenchKeys.filter((key) => {
        const other = textAt(LANGUAGES[language]!, key);
        return other !== undefined && placeholders(other).join() !== placeholders(textAt(LANGUAGES.fr!, key)!).join();
      });
      expect(differing).toEqual([]);
    });
  }

  for (const [language, tree] of Object.entries(LANGUAGES)) {
    it(`names every kind of timeline line in ${language}`, () => {
      expect(CASE_EVENT_KINDS.filter((kind) => !textAt(tree, `values.eventKinds.${kind}`))).toEqual([]);
    });

    it(`says every text of the case file in ${language}, with exactly its parameters`, () => {
      for (const key of RECORD_TEXT_KEYS) {
        const text = textAt(tree, `records.${key}`);
        expect(text, key).toBeDefined();
        expect(placeholders(text!), key).toEqual(Object.keys(RECORD_TEXTS[key]).sort());
      }
    });
  }

  // The notices the policy carries are the document's texts, not the i18n files': the shipped ones must be in the
  // three languages, also as read from a version published before notices had an Italian text.
  for (const language of ['fr', 'en', 'it'] as const) {
    it(`says every notice of the shipped contact policy in ${language}`, () => {
      const notices = shippedNotices();
      expect(notices.length).toBeGreaterThan(5);
      for (const { source, text } of notices) expect(text[language]?.trim(), JSON.stringify(source)).toBeTruthy();
    });
  }

  it('says in Italian the shipped notices of a version written with French and English only', () => {
    const withoutItalian = (text: { fr: string; en: string; it?: string }) => ({ fr: text.fr, en: text.en });
    const shipped = describePolicy(firstVersion(withoutItalian)).filter((line) => line.text);
    expect(shipped.length).toBe(shippedNotices().length);
    expect(shipped.filter((line) => !line.text?.it)).toEqual([]);
    const edited = describePolicy(firstVersion((text) => ({ fr: `${text.fr} !`, en: text.en })));
    expect(edited.filter((line) => line.text?.it)).toEqual([]);
  });
});

/** The shipped policy with each notice's text changed by `change` (as version 1 was stored, or as an author edited). */
function firstVersion(change: (text: { fr: string; en: string; it?: string }) => { fr: string; en: string }) {
  const document = structuredClone(DEFAULT_POLICY);
  for (const notice of document.notices) notice.text = change(notice.text);
  for (const hold of Object.values(document.holds)) if (hold.notice) hold.notice = change(hold.notice);
  return document;
}
