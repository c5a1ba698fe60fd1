import type { Command } from 'commander';
import { registerCluster } from './cluster';
import { registerCustomers } from './customers';
import { registerDemo } from './demo';
import { registerGenerate } from './generate';
import { registerImport } from './import';
import { registerImportBerka } from './import-berka';
import { registerJobs } from './jobs';
import { registerQuality } from './quality';
import { registerSegments } from './segments';
import { registerServe } from './serve';
import { registerTags } from './tags';
import { registerUsers } from './users';

/** Each CLI command module exports a `register` function; main.ts calls them in this order. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerDemo,
  registerGenerate,
  registerServe,
  registerUsers,
  registerImport,
  registerQuality,
  registerCluster,
  registerImportBerka,
  registerTags,
  registerSegments,
  registerCustomers,
  registerJobs,
];
