import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A contribution as a member would send it: Word headings, a bulleted list and a table. */
export async function contributionDocx(): Promise<Buffer> {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    numbering: { config: [{ reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Submission from a regional CERT network')] }),
          new Paragraph({ children: [new TextRun('We support the horizontal norms and propose three additions.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Proposals')] }),
          new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('Protect incident responders')] }),
          new Paragraph({ numbering: { reference: 'dots', level: 0 }, children: [new TextRun('Share vulnerability reports within 30 days')] }),
          new Table({ rows: [new TableRow({ children: [cell('Norm', true), cell('Support', true)] }), new TableRow({ children: [cell('Norm k'), cell('Strong')] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
