import type { Command } from 'commander';
import { registerServe } from './serve';
import { registerUsers } from './users';

/** Each CLI command module exports a `register` function; main.ts calls them in this order. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [registerServe, registerUsers];
