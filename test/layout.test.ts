import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder (below the root) each relative import of a file leads to. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => relative(root, join(file, '..', m[1] as string)).split('/')[0] as string);
}

test('src/ is the core: only the composition roots import suites/, generators/ or reports/', () => {
  // The CLI and the package's public entry compose a run with its reports, as the run composes the suites.
  const roots = new Set(['src/cli.ts', 'src/run.ts', 'src/index.ts']);
  const upward = sourceFiles(join(root, 'src'))
    .filter((file) => !roots.has(relative(root, file)))
    .filter((file) => importedFolders(file).some((folder) => ['suites', 'generators', 'reports'].includes(folder)))
    .map((file) => relative(root, file));
  assert.deepEqual(upward, []);
});

test('generators/ imports no suite', () => {
  const upward = sourceFiles(join(root, 'generators'))
    .filter((file) => importedFolders(file).includes('suites'))
    .map((file) => relative(root, file));
  assert.deepEqual(upward, []);
});
