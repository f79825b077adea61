// Run before the commands that serve from the build (`npm start`, `npm run cli`…): stops with what to do when
// the build is missing, and warns when the source changed after it. Plain JavaScript: production has no tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = [
  join(root, 'dist', 'server', 'main.js'),
  join(root, 'dist', 'server', 'intake-chunk-worker.js'),
  join(root, 'web', 'dist', 'index.html'),
];
const missing = built.filter((file) => !existsSync(file));
if (missing.length > 0) {
  process.stderr.write(
    `Accord is not built (${missing.map((file) => file.slice(root.length + 1)).join(' and ')} missing): run \`npm run build\` first.\n`,
  );
  process.exit(1);
}

/** The newest modification time of the files under `dir`, 0 when it does not exist. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
if (newest(join(root, 'src')) > builtAt || newest(join(root, 'web', 'src')) > builtAt) {
  process.stderr.write('Warning: the source changed after the build; run `npm run build` to run it as it is now.\n');
}
