import { writeFileSync } from 'node:fs';

// Preloaded with `node --import` into a CLI process whose memory a test bounds: on exit, writes
// the peak resident set size in bytes to the file named by CONFORMANCE_PEAK_RSS_FILE.
const file = process.env['CONFORMANCE_PEAK_RSS_FILE'];
if (file !== undefined) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
