import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface PackedTarball {
  /** The tarball, in a temporary folder of its own. */
  readonly path: string;
  /** The paths of the files it holds, as `npm pack` lists them. */
  readonly files: readonly string[];
}

let packed: Promise<PackedTarball & { readonly folder: string }> | undefined;
after(async () => {
  const folder = await packed?.then((tarball) => tarball.folder).catch(() => undefined);
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

/**
 * The package as `npm pack` makes it for a user, packed once in this process (packing takes seconds):
 * every test that needs the tarball, or the list of what it holds, shares this one.
 */
export function packedTarball(): Promise<PackedTarball> {
  packed ??= pack();
  return packed;
}

async function pack(): Promise<PackedTarball & { readonly folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'conformance-tarball-'));
  // The variables `npm test` sets for this package, and the test runner's, do not reach the nested npm.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(?:package|lifecycle|config_local_prefix|command)/.test(name) && name !== 'NODE_TEST_CONTEXT'),
  );
  // --ignore-scripts: `prepare` would rebuild dist/ under the running tests; the tarball packs the build as it is.
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', folder],
      { cwd: root, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, out, stderr) => (error === null ? resolve(out) : reject(new Error(`npm pack failed: ${error.message}\n${stderr}`))),
    );
  });
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (report === undefined) throw new Error(`npm pack reported no tarball: ${stdout}`);
  return { folder, path: join(folder, report.filename), files: report.files.map((file) => file.path) };
}
