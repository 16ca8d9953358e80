import type { JSONContent } from '@tiptap/core';
import type { Taxonomy } from '../taxonomy/taxonomyTypes.ts';
import { buildAnnexes } from './buildAnnexes.ts';
import type { ExportRequest } from './ExportRequest.ts';
import { insertMilestones, type PlacedMilestone } from './insertMilestones.ts';
import type { DocumentSnapshot } from './readReportDocument.ts';
import type { Report, ReportDocument } from './ReportModel.ts';

export interface ReportInput {
  workspaceName: string;
  taxonomy: Taxonomy;
  /** The documents in report order. */
  documents: DocumentSnapshot[];
  options: ExportRequest;
  generatedAt?: number;
}

function startsWithHeading(content: JSONContent): boolean {
  return content.content?.[0]?.type === 'heading';
}

/**
 * Assembles a report: numbers notes and comments across all documents in order, places their
 * milestones in the text, and computes the requested annexes.
 */
export function buildReport(input: ReportInput): Report {
  const { options } = input;
  let note = 0;
  let comment = 0;
  const documents: ReportDocument[] = input.documents.map((snapshot) => {
    const passages = snapshot.passages.map((passage) => ({ ...passage, note: ++note }));
    const threads = options.comments ? snapshot.threads.map((thread) => ({ ...thread, number: ++comment })) : [];
    const milestones: PlacedMilestone[] = [];
    if (options.tags === 'footnotes') {
      for (const passage of passages) {
        const last = passage.ranges.at(-1);
        if (last) milestones.push({ offset: last.to, side: 'end', node: { type: 'tagNote', attrs: { passageId: passage.id, note: passage.note } } });
      }
    }
    for (const thread of threads) {
      if (!thread.range) continue;
      const attrs = { threadId: thread.id, number: thread.number };
      milestones.push({ offset: thread.range.from, side: 'start', node: { type: 'commentStart', attrs } });
      milestones.push({ offset: thread.range.to, side: 'end', node: { type: 'commentEnd', attrs } });
    }
    return {
      id: snapshot.meta.id,
      title: snapshot.meta.title,
      kind: snapshot.meta.kind,
      showTitle: !startsWithHeading(snapshot.content),
      content: insertMilestones(snapshot.content, milestones),
      text: snapshot.text,
      passages,
      threads,
    };
  });
  const title = options.title || (documents.length === 1 ? documents[0]!.title : input.workspaceName);
  return {
    title,
    workspaceName: input.workspaceName,
    generatedAt: input.generatedAt ?? Date.now(),
    documents,
    taxonomy: input.taxonomy,
    annexes: buildAnnexes(input.taxonomy, documents, options.annexes, options.tags),
    options,
  };
}
