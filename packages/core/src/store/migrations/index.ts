import type { Migration } from './migration.js';
import { initialSchema } from './001-initial-schema.js';

/** Every migration, in order. Append only: never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
export type { Migration } from './migration.js';
