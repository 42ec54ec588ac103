import type { ExportSummary, ExportTally } from '../export/index.js';

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function table(title: string, rows: Record<string, ExportTally | undefined>): string[] {
  const entries = Object.entries(rows).filter((e): e is [string, ExportTally] => e[1] !== undefined);
  if (entries.length === 0) return [];
  const w = Math.max(title.length, ...entries.map(([k]) => k.length));
  const line = (k: string, a: string, b: string, c: string, d: string) =>
    `  ${k.padEnd(w)}  ${a.padStart(5)}  ${b.padStart(7)}  ${c.padStart(8)}  ${d.padStart(9)}`;
  return [
    line(title, 'found', 'written', 'held out', 'no chosen'),
    ...entries.map(([k, t]) => line(k, String(t.found), String(t.written), String(t.heldOut), String(t.noChosen))),
  ];
}

/** What `export` wrote and left out, for the terminal. */
export function renderExportSummary(s: ExportSummary, where: { out: string; manifest: string }): string {
  const lines = [
    `wrote ${s.written} ${s.format.toUpperCase()} records from run ${s.runId} to ${where.out} (chosen by the ${s.chosenBy === 'teacher' ? 'teacher, each judged' : "model's own best held refusal"})`,
    '',
    ...table('failure kind', s.byKind),
    '',
    ...table('principle', s.byPrinciple),
    '',
    `held out, never exported: ${s.heldOut.cases} failures in held-out cases, ${s.heldOut.nearCopies} more whose record holds a held-out prompt or a near copy (${s.heldOut.prompts} held-out prompts checked)`,
  ];
  const noChosen = Object.values(s.byKind).reduce((n, t) => n + (t?.noChosen ?? 0), 0);
  if (s.chosenBy === 'model' && noChosen > 0)
    lines.push(
      `${noChosen} failures had no held, reasoned refusal of the same intent to learn from: --teacher <spec> writes their chosen responses`,
    );
  if (s.duplicates) lines.push(`${s.duplicates} repeated failures of the same conversation (other samples) exported once`);
  if (s.teacher) {
    const r = Object.entries(s.teacher.rejections)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([k, n]) => `${k} ${n}`);
    lines.push(
      `teacher: ${s.teacher.asked} asked, ${s.teacher.answers} answers, ${s.teacher.accepted} accepted; rejected: ${r.length ? r.join(', ') : 'none'}`,
    );
  }
  if (s.diverse)
    lines.push(
      `--diverse: ${s.diverse.reasked} refusals over the ${pct(s.diverse.maxShare)} template cap asked again, ${s.diverse.replaced} replaced`,
    );
  const sc = s.script;
  lines.push(
    sc.scriptIndex === null
      ? `chosen refusals: ${sc.refusals} (too few for a script index)`
      : `chosen refusals: ${sc.refusals}, script index ${sc.scriptIndex.toFixed(3)}${sc.ci95 ? ` [${sc.ci95[0].toFixed(3)}, ${sc.ci95[1].toFixed(3)}]` : ''}, ${sc.templates} templates, largest ${pct(sc.largestShare)}`,
  );
  for (const o of sc.openings) lines.push(`  ${pct(o.share).padStart(6)}  ${o.count}×  "${o.opening}…"`);
  lines.push('', `manifest: ${where.manifest} — drill the recalibrated model with \`run … --trained-on ${where.manifest}\``);
  return lines.join('\n');
}
