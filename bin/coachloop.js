#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step, no build output.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
