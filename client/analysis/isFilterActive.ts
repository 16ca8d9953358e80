import type { PassageFilter } from '../../shared/analysis/filterPassages.ts';

/** True when the filter would leave out any passage. */
export function isFilterActive(filter: PassageFilter): boolean {
  return Boolean(filter.all?.length || filter.any?.length || filter.none?.length || filter.author);
}
