#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the project needs no separate build step for the server
// and CLI (see docs/decisions.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
