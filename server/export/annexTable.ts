import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type IContext, type IXmlableObject } from 'docx';
import type { AnnexBlock } from '../../shared/export/annexSections.ts';
import type { RawXmlParts } from './RawXmlParts.ts';
import { paragraphXml, runXml } from './wordXml.ts';

type TableBlock = Extract<AnnexBlock, { type: 'table' }>;

/** A docx table followed by rows written as raw XML. */
class TableWithRawRows extends Table {
  constructor(
    header: TableRow,
    private readonly rawRows: FileChild,
  ) {
    super({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header] });
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const rows = this.rawRows.prepForXml(context);
    if (rows) (xml?.['w:tbl'] as IXmlableObject[] | undefined)?.push(rows);
    return xml;
  }
}

/**
 * An annex table with a repeating header row: cells in the annex cell paragraph style (`style`),
 * counts right-aligned, rows kept whole on a page. docx writes the table's properties, its grid
 * (sized to the page) and the header row; the body rows, thousands in a long report's annex, are
 * written as raw XML.
 */
export function annexTable(block: TableBlock, style: string, raw: RawXmlParts): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.header.map(
      (text, column) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, fill: 'E8EDF4', color: 'auto' },
          children: [new Paragraph({ style, alignment: block.numeric[column] ? AlignmentType.RIGHT : undefined, children: [new TextRun({ text, bold: true })] })],
        }),
    ),
  });
  let rows = '';
  for (const row of block.rows) {
    rows += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    row.forEach((text, column) => (rows += `<w:tc>${paragraphXml({ style, right: block.numeric[column] }, runXml(text))}</w:tc>`));
    rows += '</w:tr>';
  }
  return new TableWithRawRows(header, raw.block(rows));
}
