import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the bench spawns every process from here. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
