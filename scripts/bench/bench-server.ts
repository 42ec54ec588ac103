import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The bench's OpenAI-compatible server (serve-openai) in a child process, so figures measure only the harness. */
export async function startBenchServer(): Promise<{ url: string; stop: () => void }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = join(here, `serve-openai${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`);
  const child = spawn(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
