// The benchmark's baseline: a bare csv-parse streaming pass over the same files,
// doing nothing with the records. Prints one JSON line: rows, ms, max_rss_mb.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const started = performance.now();
let rows = 0;
for (const file of process.argv.slice(2)) {
  for await (const _record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) rows++;
}
process.stdout.write(
  `${JSON.stringify({ rows, ms: Math.round(performance.now() - started), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
