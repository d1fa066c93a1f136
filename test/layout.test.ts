import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';

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
  // The CLI composes a run with its reports, as the run composes the suites; the run's phases (src/run/) are part of
  // that composition root, and the compare command and its composition are the same for two servers.
  const roots = new Set(['src/cli.ts', 'src/run.ts', 'src/compare/compare-command.ts', 'src/compare/compare-servers.ts']);
  const isRoot = (file: string): boolean => roots.has(file) || file.startsWith('src/run/');
  const upward = sourceFiles(join(root, 'src'))
    .filter((file) => !isRoot(relative(root, file)))
    .filter((file) => importedFolders(file).some((folder) => ['suites', 'generators', 'reports'].includes(folder)))
    .map((file) => relative(root, file));
  assert.deepEqual(upward, []);
});

/** The folder path (below the root) of each relative import of a file. */
function importedPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => relative(root, join(file, '..', m[1] as string)));
}

test('generators/ imports nothing from suites/: what a suite needs of it has no suite dependency', () => {
  const upward = sourceFiles(join(root, 'generators'))
    .flatMap((file) => importedPaths(file).map((path) => ({ file: relative(root, file), path })))
    .filter(({ path }) => path.startsWith('suites/'));
  assert.deepEqual(upward, []);
});

test('generators/ holds the invalid inputs; the stateful commands live with their suite, one class per file', () => {
  const files = sourceFiles(join(root, 'generators')).map((file) => relative(root, file));
  assert.deepEqual(
    files.filter((file) => !file.startsWith('generators/invalid-inputs/')),
    [],
  );
  const commands = sourceFiles(join(root, 'suites/stateful/commands')).map((file) => relative(root, file));
  const notCommands = commands.filter((file) => !/-command\.ts$|backup-commands\.ts$|backup-target\.ts$|stateful-scenarios\.ts$/.test(file));
  assert.deepEqual(notCommands, []);
});

test('the stateful suite lives in one folder, with its commands, model, judges and driver', () => {
  const strays = ['src', 'suites', 'generators']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .map((file) => relative(root, file))
    .filter((file) => /(^|\/)(stateful-|judge-)[^/]*\.ts$/.test(file) && !file.startsWith('suites/stateful/'));
  assert.deepEqual(strays, []);
  const folders = new Set(sourceFiles(join(root, 'suites/stateful')).map((file) => relative(join(root, 'suites/stateful'), join(file, '..'))));
  assert.deepEqual([...folders].sort(), ['', 'commands', 'driver', 'judges', 'model']);
});

test('the reference server is split by job, and no file name is also used on the client side', () => {
  const server = sourceFiles(join(root, 'src/server')).map((file) => relative(join(root, 'src/server'), file));
  const folders = new Set(server.filter((file) => file.includes('/')).map((file) => file.split('/')[0]));
  assert.deepEqual([...folders].sort(), ['behaviour', 'cluster', 'endpoints', 'rendering', 'request']);
  assert.ok(server.filter((file) => !file.includes('/')).length <= 8, 'at most a few files at the top of src/server/');
  const clientNames = new Set(
    sourceFiles(join(root, 'src'))
      .filter((file) => !relative(root, file).startsWith('src/server/'))
      .map((file) => file.split('/').at(-1)),
  );
  assert.deepEqual(
    server.map((file) => file.split('/').at(-1)).filter((name) => clientNames.has(name)),
    [],
  );
});

test('the core builds in one direction: the spec under the model, findings under the API, rules under findings', () => {
  const importing = (from: string, to: string): string[] =>
    sourceFiles(join(root, from))
      .filter((file) => importedPaths(file).some((path) => path.startsWith(`${to}/`)))
      .map((file) => relative(root, file));
  assert.deepEqual(importing('src/spec', 'src/model'), []);
  assert.deepEqual(importing('src/findings', 'src/api'), []);
  assert.deepEqual(importing('src/rules', 'src/findings'), []);
});

/** Each relative import of every source file under the given folders: importing file and imported file, below the root. */
function importEdges(dirs: readonly string[]): { from: string; to: string }[] {
  return dirs
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => ({
        from: relative(root, file),
        to: relative(root, join(file, '..', m[1] as string)).replace(/\.js$/, '.ts'),
      }));
    });
}

/** The cycles of a directed graph, one per strongly connected component of more than one node, each as its nodes sorted. */
function cyclesOf(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  const reaches = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
      for (const to of next.get(node) ?? []) if (!seen.has(to)) todo.push((seen.add(to), to));
    }
    return seen;
  };
  const reach = new Map([...next.keys()].map((node) => [node, reaches(node)]));
  const cycles = new Map<string, string[]>();
  for (const [node, reached] of reach) {
    if (!reached.has(node)) continue;
    const component = [...reached].filter((other) => reach.get(other)?.has(node)).sort();
    cycles.set(component.join(' '), component);
  }
  return [...cycles.values()];
}

/**
 * The feature folder a file belongs to: the first folder below src/, suites/ or generators/ (a suite's commands, model,
 * judges and driver are one folder, as STYLE.md's "Feature folders" has them); a file at the top of one of those is alone.
 */
function featureFolder(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? file : parts.slice(0, 2).join('/');
}

test('no folder cycle in src/, suites/ or generators/, and no cycle of files within a folder', () => {
  const edges = importEdges(['src', 'suites', 'generators']);
  const folderEdges = edges.map(({ from, to }) => ({ from: featureFolder(from), to: featureFolder(to) }));
  assert.deepEqual(cyclesOf(folderEdges), [], 'folders that import one another');
  assert.deepEqual(cyclesOf(edges), [], 'files that import one another');
});

test('the cycle finder finds a cycle through folders and one through files', () => {
  const edges = [
    { from: 'src/a/x.ts', to: 'src/b/y.ts' },
    { from: 'src/b/y.ts', to: 'src/c/z.ts' },
    { from: 'src/c/w.ts', to: 'src/a/v.ts' },
  ];
  assert.deepEqual(cyclesOf(edges), []);
  assert.deepEqual(cyclesOf(edges.map(({ from, to }) => ({ from: featureFolder(from), to: featureFolder(to) }))), [['src/a', 'src/b', 'src/c']]);
  assert.deepEqual(cyclesOf([...edges, { from: 'src/c/z.ts', to: 'src/a/x.ts' }]), [['src/a/x.ts', 'src/b/y.ts', 'src/c/z.ts']]);
});

test('only the API layer reads response statuses: everything above it reads what the answer means', () => {
  // A comparison of a status, or an answer's success status, with anything but a string literal
  // (a backup's own `status: 'live'` in the model is not an HTTP status). A finding's recorded
  // `status` is data that profiles match on, and printing a status is not reading it.
  const reads = [
    /(?<!finding)\.status\s*(===|!==|<=|>=|<|>)(?![=\s]*['"])/,
    /(===|!==|<=|>=|<|(?<!=)>)\s*[\w.?]*(?<!finding)\.status\b(?!\s*[('"])/,
    /statuses\.\w+\s*(===|!==)|(===|!==)\s*[\w.?]*statuses\.\w+/,
    /successStatus\s*(===|!==)|(===|!==)\s*[\w.?]*successStatus/,
    /response\??\.status\s*(===|!==|<|>)/,
  ];
  // The spec's index reads the documented statuses; the API layer, the client and the response checks read the answers'.
  const api = ['src/api/', 'src/http/', 'src/checks/', 'src/server/', 'src/spec/'];
  const offending = ['src', 'suites', 'generators']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => !api.some((prefix) => relative(root, file).startsWith(prefix)))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, at) => ({ line, at }))
        .filter(({ line }) => !line.trim().startsWith('*') && !line.trim().startsWith('//') && reads.some((pattern) => pattern.test(line)))
        .map(({ line, at }) => `${relative(root, file)}:${at + 1}: ${line.trim()}`),
    );
  assert.deepEqual(offending, []);
});

/** The longest function and line the code of src/, suites/, generators/ and reports/ may have (STYLE.md: one screen). */
const MOST_FUNCTION_LINES = 80;
const MOST_LINE_CHARACTERS = 160;

/** Every function of a file longer than the limit, as `file:line name (n lines)`. */
function longFunctions(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > MOST_FUNCTION_LINES) {
        const name = node.name?.getText(source) ?? '(anonymous)';
        found.push(`${relative(root, file)}:${first + 1} ${name} (${last - first + 1} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test(`no function in src/, suites/, generators/ or reports/ is over ${MOST_FUNCTION_LINES} lines, and no line over ${MOST_LINE_CHARACTERS} characters`, () => {
  const files = ['src', 'suites', 'generators', 'reports'].flatMap((dir) => sourceFiles(join(root, dir))).filter((file) => !file.endsWith('.d.ts'));
  assert.ok(files.length > 100, `${files.length} files read`);
  assert.deepEqual(files.flatMap(longFunctions), []);
  const longLines = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, at) => (line.length > MOST_LINE_CHARACTERS ? [`${relative(root, file)}:${at + 1} (${line.length})`] : [])),
  );
  assert.deepEqual(longLines, []);
});

test('the shape check finds a long function and a long line', () => {
  const file = join(tmpdir(), `shape-${process.pid}.ts`);
  writeFileSync(file, `export function long(): number {\n${'  let a = 1;\n'.repeat(MOST_FUNCTION_LINES)}  return 1;\n}\n`);
  try {
    assert.equal(longFunctions(file).length, 1);
  } finally {
    rmSync(file);
  }
});
