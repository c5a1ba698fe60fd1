import type { Command } from 'commander';

/** Each CLI command module exports a `register` function; main.ts calls them in this order. */
export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [];
