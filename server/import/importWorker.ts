import { convertImport, type ConvertedImport, type ImportTask } from './convertImport.ts';

/**
 * Runs in the import worker thread (see `ImportWorkers`): converting a file takes CPU and memory
 * in proportion to what the file holds, which on the main thread would hold up every document's
 * sync traffic, and a file built to exhaust them would take the server down.
 */
export default function runImportTask(task: ImportTask): Promise<ConvertedImport> {
  return convertImport(task);
}
