import { writeFileSync } from 'node:fs';

// Preloaded with `node --import` into a process whose peak memory a benchmark wants: on exit,
// writes the peak resident set size in bytes to the file named by CONFORMANCE_MAX_RSS_FILE.
const file = process.env['CONFORMANCE_MAX_RSS_FILE'];
if (file !== undefined) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
