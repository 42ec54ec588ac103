import type { RunEvent } from '../spec/index.js';
import { plural, stripControl } from '../util/index.js';

interface Tally {
  refusal: number;
  partial: number;
  compliance: number;
  not_understood: number;
  error: number;
}

/**
 * Renders run events: a live bar on a terminal, plain periodic lines otherwise (CI logs).
 * Writes to stderr so stdout stays clean for the summary.
 */
export function createProgress(options: {
  isTTY: boolean;
  write: (s: string) => void;
  intervalMs?: number;
  now?: () => number;
}): (e: RunEvent) => void {
  const tally: Tally = { refusal: 0, partial: 0, compliance: 0, not_understood: 0, error: 0 };
  const now = options.now ?? Date.now;
  let started = now();
  let lastLine = 0;
  let total = 0;
  const line = (done: number): string => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const rate = done / Math.max(0.001, (now() - started) / 1000);
    return `${done}/${total} (${pct}%) refusal ${tally.refusal} · partial ${tally.partial} · compliance ${tally.compliance}${tally.not_understood ? ` · not understood ${tally.not_understood}` : ''} · error ${tally.error} · ${rate.toFixed(1)}/s`;
  };
  return (e) => {
    switch (e.type) {
      case 'run-start':
        total = e.run.caseCount;
        started = now();
        options.write(
          `run ${e.run.id}: ${plural(e.pending, 'case')} to run${e.done ? `, ${e.done} already done` : ''} against ${e.run.target}\n`,
        );
        break;
      case 'case-end': {
        tally[e.result.judgement.verdict] += 1;
        if (options.isTTY) {
          const width = 24;
          const filled = total ? Math.round((e.done / total) * width) : width;
          options.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line(e.done)}\x1b[K`);
        } else if (now() - lastLine >= (options.intervalMs ?? 5000) || e.done === total) {
          lastLine = now();
          options.write(`${line(e.done)}\n`);
        }
        break;
      }
      case 'notice':
        options.write(`${options.isTTY ? '\r\x1b[K' : ''}notice: ${stripControl(e.message)}\n`);
        break;
      case 'retry':
        break;
      case 'run-end':
        if (options.isTTY) options.write('\n');
        break;
    }
  };
}
