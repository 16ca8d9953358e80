/**
 * Kerning read straight from a font's GPOS table: the pair-adjustment lookups (type 2, or type 9
 * wrapping them) of its `kern` feature, format 1 (glyph pairs) and format 2 (class pairs). The
 * shapes are fontkit's parsed tables; arrays may be lazy (`get(i)`) or plain.
 */

interface Lazy<T> {
  length: number;
  get?: (index: number) => T;
  [index: number]: T;
}

const at = <T>(array: Lazy<T>, index: number): T => (typeof array.get === 'function' ? array.get(index) : array[index]!);

type Coverage = { version: 1; glyphs: Lazy<number> } | { version: 2; rangeRecords: Lazy<{ start: number; end: number; startCoverageIndex: number }> };
type ClassDef = { version: 1; startGlyph: number; glyphCount: number; classValueArray: Lazy<number> } | { version: 2; classRangeRecord: Lazy<{ start: number; end: number; class: number }> };
interface Value {
  xAdvance?: number;
}
type PairSubtable =
  | { version: 1; coverage: Coverage; pairSets: Lazy<Lazy<{ secondGlyph: number; value1: Value }>> }
  | { version: 2; coverage: Coverage; classDef1: ClassDef; classDef2: ClassDef; classRecords: Lazy<Lazy<{ value1: Value }>> };
interface Lookup {
  lookupType: number;
  subTables: Lazy<PairSubtable | { lookupType: number; extension: PairSubtable }>;
}
export interface GposTable {
  featureList: Lazy<{ tag: string; feature: { lookupListIndexes: Lazy<number> } }>;
  lookupList: Lazy<Lookup>;
}

/** Index of the first element whose range ends at or after `glyph` (the arrays are sorted). */
function search<T>(array: Lazy<T>, glyph: number, endOf: (item: T) => number): number {
  let low = 0;
  let high = array.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (endOf(at(array, middle)) < glyph) low = middle + 1;
    else high = middle;
  }
  return low;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) {
    const index = search(coverage.glyphs, glyph, (g) => g);
    return coverage.glyphs.length > 0 && at(coverage.glyphs, index) === glyph ? index : -1;
  }
  const records = coverage.rangeRecords;
  if (records.length === 0) return -1;
  const record = at(records, search(records, glyph, (r) => r.end));
  return record.start <= glyph && glyph <= record.end ? record.startCoverageIndex + glyph - record.start : -1;
}

function classOf(definition: ClassDef, glyph: number): number {
  if (definition.version === 1) {
    const offset = glyph - definition.startGlyph;
    return offset >= 0 && offset < definition.glyphCount ? at(definition.classValueArray, offset) : 0;
  }
  const records = definition.classRangeRecord;
  if (records.length === 0) return 0;
  const record = at(records, search(records, glyph, (r) => r.end));
  return record.start <= glyph && glyph <= record.end ? record.class : 0;
}

/** The pair subtable's adjustment of `left`'s advance before `right`, or undefined when it does not apply. */
function adjustment(table: PairSubtable, left: number, right: number): number | undefined {
  const index = coverageIndex(table.coverage, left);
  if (index < 0) return undefined;
  if (table.version === 1) {
    const set = at(table.pairSets, index);
    if (set.length === 0) return undefined;
    const pair = at(set, search(set, right, (p) => p.secondGlyph));
    return pair.secondGlyph === right ? (pair.value1.xAdvance ?? 0) : undefined;
  }
  const row = at(table.classRecords, classOf(table.classDef1, left));
  return at(row, classOf(table.classDef2, right)).value1.xAdvance ?? 0;
}

/**
 * A function giving the kerning (font units) between two glyph ids, as the font's `kern` feature
 * defines it; 0 for fonts without GPOS kerning.
 */
export function pairKerning(gpos: GposTable | undefined): (left: number, right: number) => number {
  if (!gpos) return () => 0;
  const lookupIndexes = new Set<number>();
  for (let i = 0; i < gpos.featureList.length; i++) {
    const record = at(gpos.featureList, i);
    if (record.tag !== 'kern') continue;
    for (let j = 0; j < record.feature.lookupListIndexes.length; j++) lookupIndexes.add(at(record.feature.lookupListIndexes, j));
  }
  const tables: PairSubtable[][] = [...lookupIndexes]
    .sort((a, b) => a - b)
    .map((index) => at(gpos.lookupList, index))
    .map((lookup) => {
      const subtables: PairSubtable[] = [];
      for (let i = 0; i < lookup.subTables.length; i++) {
        const subtable = at(lookup.subTables, i);
        if (lookup.lookupType === 2) subtables.push(subtable as PairSubtable);
        else if (lookup.lookupType === 9 && 'extension' in subtable && subtable.lookupType === 2) subtables.push(subtable.extension);
      }
      return subtables;
    })
    .filter((subtables) => subtables.length > 0);
  return (left, right) => {
    let total = 0;
    for (const lookup of tables) {
      for (const subtable of lookup) {
        const value = adjustment(subtable, left, right);
        if (value !== undefined) {
          total += value;
          break;
        }
      }
    }
    return total;
  };
}
