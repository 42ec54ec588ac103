import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: many tests start the CLI or servers in child processes, which a busy 2-core machine
    // runs several times slower (a 30 s limit failed them beside a CPU burner). A deadline here
    // only catches a hang; speed is measured by `npm run bench`, never asserted in a test.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Tests start loopback servers and child processes; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
