import { isModuleId, TRAINING_LANGUAGES, type ModuleId, type TrainingLanguage } from './catalogue.js';
import { markdownBlocks, type Block } from './markdown.js';
import type { Question } from './quiz.js';

/** A module in one language, read from its Markdown file. */
export interface TrainingModule {
  id: ModuleId;
  version: number;
  language: TrainingLanguage;
  title: string;
  summary: string;
  minutes: number;
  /** Whole percent of the questions drawn to answer rightly. */
  passMark: number;
  /** Questions drawn per attempt. */
  draw: number;
  blocks: Block[];
  bank: Question[];
}

const QUIZ_MARKER = '<!-- quiz -->';

/**
 * Reads a module file: front matter between `---` lines (`key: value`: id, version, language, title, summary,
 * minutes, passMark, draw), the text in Markdown, then after the line `<!-- quiz -->` the question bank: each
 * question a line `? [id] text`, followed by its options `- [ ] wrong` and exactly one `- [x] right`. Throws with the
 * file's name and the fault, so a broken module stops the tests rather than a quiz.
 */
export function parseModuleFile(name: string, source: string): TrainingModule {
  const fail = (why: string): never => {
    throw new Error(`training module ${name}: ${why}`);
  };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source) ?? fail('no front matter');
  const front = new Map<string, string>();
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^([A-Za-z]+):\s*(.*)$/.exec(line) ?? fail(`front matter line "${line}"`);
    front.set(pair[1]!, pair[2]!.trim());
  }
  const text = (key: string) => front.get(key) || fail(`no ${key}`);
  const whole = (key: string, min: number, max: number) => {
    const value = Number(text(key));
    return Number.isInteger(value) && value >= min && value <= max ? value : fail(`${key} must be ${min}–${max}`);
  };
  const id = text('id');
  if (!isModuleId(id)) fail(`unknown id ${id}`);
  const language = text('language') as TrainingLanguage;
  if (!TRAINING_LANGUAGES.includes(language)) fail(`unknown language ${language}`);
  const [body, quiz] = match[2]!.split(QUIZ_MARKER);
  if (quiz === undefined) fail(`no ${QUIZ_MARKER}`);
  const bank = parseBank(quiz!, fail);
  const draw = whole('draw', 1, 50);
  if (bank.length < 6 || bank.length < draw) fail('the bank needs at least 6 questions and at least `draw`');
  return {
    id: id as ModuleId,
    version: whole('version', 1, 1000),
    language,
    title: text('title'),
    summary: text('summary'),
    minutes: whole('minutes', 1, 240),
    passMark: whole('passMark', 1, 100),
    draw,
    blocks: markdownBlocks(body!),
    bank,
  };
}

function parseBank(source: string, fail: (why: string) => never): Question[] {
  const bank: Question[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const question = /^\?\s+\[([a-z0-9-]+)\]\s+(.+)$/.exec(line);
    const option = /^-\s+\[( |x)\]\s+(.+)$/.exec(line);
    if (question) {
      if (bank.some((known) => known.id === question[1])) fail(`question ${question[1]} twice`);
      bank.push({ id: question[1]!, text: question[2]!, options: [], answer: -1 });
    } else if (option && bank.length > 0) {
      const current = bank[bank.length - 1]!;
      if (option[1] === 'x') {
        if (current.answer !== -1) fail(`question ${current.id} has two right options`);
        current.answer = current.options.length;
      }
      current.options.push(option[2]!);
    } else fail(`quiz line "${line}"`);
  }
  for (const question of bank) {
    if (question.options.length < 2 || question.answer === -1)
      fail(`question ${question.id} needs two options or more and one right option`);
  }
  return bank;
}
