import type * as Y from 'yjs';
import { starterKinds, starterTerms } from './starterTaxonomy.ts';
import { isTaxonomyEmpty, setKind, upsertTerm } from './taxonomyDoc.ts';

/** Writes the starter taxonomy into an empty taxonomy document (the server does this once). */
export function seedTaxonomy(doc: Y.Doc): boolean {
  if (!isTaxonomyEmpty(doc)) return false;
  doc.transact(() => {
    for (const kind of starterKinds) setKind(doc, kind);
    for (const term of starterTerms) upsertTerm(doc, term);
  });
  return true;
}
