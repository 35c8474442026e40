#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli (built to dist/ by `npm ci`).
import { main } from '../dist/src/cli/index.js';

main();
