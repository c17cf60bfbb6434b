// Preloaded by the benchmarks (`node --import`): writes the process's peak resident set size (kB) to
// $PACTO_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.PACTO_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
