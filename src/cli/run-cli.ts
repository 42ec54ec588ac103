import { main } from './main.js';

// Entry used by tests and `tsx` to run the CLI from source; the published bin uses dist/.
process.exitCode = await main(process.argv);
