import { resolveTermId } from '../taxonomy/resolveTerm.ts';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import { httpUrl } from '../taxonomy/taxonomyValues.ts';
import type { ReportDocument } from './ReportModel.ts';

/** Characters of context kept before and after a quote in a TextQuoteSelector. */
const CONTEXT = 32;

export interface WebAnnotationLinks {
  /** Origin of the Normspace server, e.g. `https://normspace.example.org`. */
  origin: string;
  workspaceId: string;
}

export function documentUrl(links: WebAnnotationLinks, documentId: string): string {
  return `${links.origin}/w/${encodeURIComponent(links.workspaceId)}/d/${encodeURIComponent(documentId)}`;
}

/** The URI of a taxonomy term: the workspace taxonomy page with the term id as fragment. */
export function termUri(links: WebAnnotationLinks, termId: string): string {
  return `${links.origin}/w/${encodeURIComponent(links.workspaceId)}/taxonomy#term=${encodeURIComponent(termId)}`;
}

/**
 * Tagged passages as a W3C Web Annotation collection (JSON-LD). Each passage is an annotation
 * whose target is its document, selected by a TextQuoteSelector (exact, prefix, suffix) refined
 * by a TextPositionSelector over the document's plain text (one "\n" between blocks); a passage
 * over several blocks has one target per range. Each tag is a body with purpose `tagging`: a
 * SpecificResource whose source is the term's URI (merged terms point to the survivor).
 */
export function toWebAnnotations(documents: readonly ReportDocument[], taxonomy: Taxonomy, links: WebAnnotationLinks, generatedAt = Date.now()): object {
  const items = documents.flatMap((document) =>
    document.passages
      .filter((passage) => passage.ranges.length > 0)
      .map((passage) => {
        const source = documentUrl(links, document.id);
        return {
          id: `${source}#annotation=${encodeURIComponent(passage.id)}`,
          type: 'Annotation',
          motivation: 'tagging',
          created: new Date(passage.createdAt).toISOString(),
          creator: { type: 'Person', name: passage.author.name },
          body: passage.termIds.map((termId) => {
            const term = taxonomy.terms.get(resolveTermId(taxonomy, termId));
            const seeAlso = httpUrl(term?.sourceUrl);
            return {
              type: 'SpecificResource',
              purpose: 'tagging',
              source: termUri(links, term?.id ?? termId),
              ...(term ? { label: term.label } : {}),
              ...(seeAlso ? { seeAlso } : {}),
            };
          }),
          target: passage.ranges.map((range) => ({
            source,
            title: document.title,
            selector: {
              type: 'TextQuoteSelector',
              exact: document.text.slice(range.from, range.to),
              prefix: document.text.slice(Math.max(0, range.from - CONTEXT), range.from),
              suffix: document.text.slice(range.to, range.to + CONTEXT),
              refinedBy: { type: 'TextPositionSelector', start: range.from, end: range.to },
            },
          })),
        };
      }),
  );
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${links.origin}/api/workspaces/${encodeURIComponent(links.workspaceId)}/exports#annotations`,
    type: 'AnnotationCollection',
    label: 'Tagged passages exported from Normspace',
    generated: new Date(generatedAt).toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
