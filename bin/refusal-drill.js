#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.ts): a few chunks load faster than the ~260 files of dist/src.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
