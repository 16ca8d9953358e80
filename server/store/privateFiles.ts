import fs from 'node:fs';

/** Read and write for the owner only: what every file the server keeps in DATA_DIR gets. */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the data directory, readable by its owner only when it is new (an existing one is left as it is). */
export function ensureDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/**
 * Takes from an existing file every permission of group and others (a store from an older version, or
 * copied with a wide umask); answers whether it changed anything. A missing file is no error.
 */
export function tightenFileMode(file: string): boolean {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if ((mode & 0o077) === 0) return false;
  fs.chmodSync(file, mode & 0o700);
  return true;
}

/**
 * Before SQLite opens `file`: tightens it and its `-wal` and `-shm` files when they exist, or creates it
 * empty with mode 0600, since SQLite gives the journal files it creates the main file's mode. An empty
 * file is what SQLite makes of a new database anyway.
 */
export function prepareSqliteFile(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`]) tightenFileMode(name);
  fs.closeSync(fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, PRIVATE_FILE_MODE));
}
