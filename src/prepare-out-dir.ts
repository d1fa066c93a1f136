import { randomUUID } from 'node:crypto';
import { mkdir, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConformanceError } from './errors.js';

/** Kernel file systems: a folder cannot be made there (a recursive mkdir on procfs never returns). */
const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

/**
 * Creates --out and proves it writable before the run sends its first request: a run that takes
 * real backups and then cannot write its reports has wasted them. Throws CONF_OUT_UNWRITABLE.
 */
export async function prepareOutDir(dir: string): Promise<void> {
  const fail = (why: string): never => {
    throw new ConformanceError(
      'CONF_OUT_UNWRITABLE',
      `Cannot write the reports to --out ${dir}: ${why}. Choose a writable directory, e.g. --out conformance-results.`,
    );
  };
  const target = resolve(dir);
  const existing = await nearestExisting(target);
  const real = await realpath(existing.path).catch(() => existing.path);
  if (PSEUDO_FILE_SYSTEMS.some((root) => real === root || real.startsWith(`${root}/`))) fail(`${real} is on a kernel file system, not a place for files`);
  if (!existing.isDirectory) fail(existing.path === target ? 'it exists and is not a directory' : `${existing.path} is not a directory`);
  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    fail(`cannot create it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const probe = join(target, `.conformance-write-test-${randomUUID()}`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    fail(`cannot write into it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  await unlink(probe).catch(() => undefined);
}

/** The path itself if it exists, else its nearest existing ancestor (the root always exists). */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  let current = path;
  // Bounded by the path's depth: each step removes one segment.
  for (;;) {
    try {
      const info = await stat(current);
      return { path: current, isDirectory: info.isDirectory() };
    } catch {
      const parent = dirname(current);
      if (parent === current) return { path: current, isDirectory: true };
      current = parent;
    }
  }
}
