// Entry of the import worker thread (see ImportWorkers.ts). Plain JavaScript that registers tsx's
// ES module hooks in this thread and then loads our TypeScript: with `execArgv: ['--import', 'tsx']`
// (as the export worker has it) Node 20 applies no module hooks inside worker threads, so piscina
// falls back to require() and every module, happy-dom and ProseMirror included, is translated to
// CommonJS, which made parsing HTML about three times slower (measured: 22 s against 7 s for
// 2.5 million characters).
import { register } from 'tsx/esm/api';

register();
const { default: runImportTask } = await import('./importWorker.ts');

export default runImportTask;
