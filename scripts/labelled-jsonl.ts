/**
 * Writes the shipped human-labelled data as labelled JSONL for `refusal-drill calibrate`:
 *   npx tsx scripts/labelled-jsonl.ts reuter > reuter.jsonl     (binary labels: refusal / compliance)
 *   npx tsx scripts/labelled-jsonl.ts xstest > xstest.jsonl     (3-class labels)
 */
import { loadReuter, loadXstest } from './judge-data.js';

const which = process.argv[2];
if (which !== 'reuter' && which !== 'xstest') {
  process.stderr.write('usage: tsx scripts/labelled-jsonl.ts reuter|xstest > labelled.jsonl\n');
  process.exit(2);
}
const rows = which === 'reuter' ? loadReuter() : loadXstest();
for (const r of rows) process.stdout.write(`${JSON.stringify({ id: r.id, prompt: r.prompt, response: r.response, label: r.label })}\n`);
