import { startHocuspocus } from './startHocuspocus.ts';
import { startNormspace } from './startNormspace.ts';
import { startReference } from './startReference.ts';
import type { ServerKind, ServerSettings, ServerUnderTest } from './ServerUnderTest.ts';

/** Starts the server of `kind` on `settings.dataDir` (a restart when the directory holds data). */
export function startServerUnderTest(kind: ServerKind, settings: ServerSettings): Promise<ServerUnderTest> {
  switch (kind) {
    case 'normspace':
      return startNormspace(settings);
    case 'reference':
      return startReference(settings);
    case 'hocuspocus':
      return startHocuspocus(settings);
  }
}
