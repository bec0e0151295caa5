// Lighthouse's own pick of the representative run (the one nearest the median FCP and TTI, core/lib/median-run.js),
// which its variability guide recommends over trusting one run on a loaded machine.
// Usage: node median-run.mjs <out.json> <report.json>...
import {readFileSync, writeFileSync} from 'node:fs';
import {computeMedianRun} from 'lighthouse/core/lib/median-run.js';

const [out, ...reports] = process.argv.slice(2);
if (!out || reports.length === 0) {
  console.error('usage: node median-run.mjs <out.json> <report.json>...');
  process.exit(2);
}
const runs = reports.map(path => JSON.parse(readFileSync(path, 'utf8')));
writeFileSync(out, JSON.stringify(computeMedianRun(runs)));
