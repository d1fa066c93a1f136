import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// The GitHub Action runs one committed file, so that a job installs and builds nothing: the Action's command with every
// dependency inlined. It stays two folders below the root, like dist/src/, because the code finds the bundled spec and
// package.json at ../../ from itself. `npm run bundle:action` writes it; a test fails when it differs from this build.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the committed bundle lives, from the repository's root. */
export const ACTION_BUNDLE = 'action/dist/action-cli.js';

/** The Action's command as esbuild bundles it from the sources of this checkout (nothing is written). */
export async function bundleAction(): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action-cli.ts'],
    outfile: ACTION_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.18',
    write: false,
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(), which an ES module does not have.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
  return result.outputFiles[0]!.text;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(new URL(ACTION_BUNDLE, pathToFileURL(ROOT)), await bundleAction());
  process.stdout.write(`wrote ${ACTION_BUNDLE}\n`);
}
