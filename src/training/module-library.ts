import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULE_IDS, TRAINING_LANGUAGES, type ModuleId, type TrainingLanguage } from './core/catalogue.js';
import { parseModuleFile, type TrainingModule } from './core/module-file.js';

/**
 * The modules' Markdown files, `modules/<id>/<language>.md` beside this file (the build copies the folder beside the
 * server bundle, as it does the migrations). Read once per process: a module changes with a release, never at run time.
 */
const MODULES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'modules');

let library: Map<string, TrainingModule> | null = null;

const keyOf = (id: ModuleId, language: TrainingLanguage) => `${id}/${language}`;

/** Every module in every language, read and checked (a broken file throws, naming it). */
export function moduleLibrary(dir = MODULES_DIR): Map<string, TrainingModule> {
  if (library && dir === MODULES_DIR) return library;
  const read = new Map<string, TrainingModule>();
  for (const id of MODULE_IDS) {
    for (const language of TRAINING_LANGUAGES) {
      const name = `${id}/${language}.md`;
      const module = parseModuleFile(name, readFileSync(join(dir, name), 'utf8'));
      if (module.id !== id || module.language !== language)
        throw new Error(`training module ${name}: wrong id or language`);
      read.set(keyOf(id, language), module);
    }
  }
  if (dir === MODULES_DIR) library = read;
  return read;
}

/** A module in a language (French when the language has none: every module is written in French first). */
export function trainingModule(id: ModuleId, language: string): TrainingModule {
  const modules = moduleLibrary();
  const lang = (TRAINING_LANGUAGES as readonly string[]).includes(language) ? (language as TrainingLanguage) : 'fr';
  return modules.get(keyOf(id, lang)) ?? modules.get(keyOf(id, 'fr'))!;
}
