import type { GateResult } from '../metrics/index.js';
import { ruleFigure } from './metric-rows.js';

/** The gate as plain lines, failed rules first; shared by the terminal report and `refusal-drill gate`. */
export function gateLines(
  gate: GateResult,
  paint: { bad: (s: string) => string; good: (s: string) => string; dim: (s: string) => string },
): string[] {
  const failed = gate.rules.filter((r) => r.status === 'fail').length;
  const skipped = gate.rules.filter((r) => r.status === 'skipped').length;
  const head = gate.passed
    ? paint.good(
        `gate PASSED (${gate.policy}): ${gate.rules.length - skipped} of ${gate.rules.length} rules passed${skipped ? `, ${skipped} skipped (nothing to measure)` : ''}`,
      )
    : paint.bad(`gate FAILED (${gate.policy}): ${failed} of ${gate.rules.length} rules failed`);
  const lines = [head];
  for (const r of gate.rules) {
    const mark = r.status === 'fail' ? paint.bad('✗') : r.status === 'pass' ? paint.good('✓') : paint.dim('-');
    const text = `${r.id}  ${r.description}: ${ruleFigure(r)}`;
    lines.push(`  ${mark} ${r.status === 'skipped' ? paint.dim(`${text} [skipped]`) : text}`);
  }
  return lines;
}
