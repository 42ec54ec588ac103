import { statSync } from 'node:fs';
import { InputError } from '../spec/index.js';

/** An input file the user named: it must be a readable file, else an InputError naming the flag and why. */
export function assertInputFile(file: string, flag = '--in'): void {
  try {
    if (!statSync(file).isFile()) throw new InputError(`${flag} ${file}: not a file`);
  } catch (e) {
    if (InputError.isInstance(e)) throw e;
    throw new InputError(`${flag} ${file}: cannot read it (${e instanceof Error ? e.message : String(e)})`);
  }
}
