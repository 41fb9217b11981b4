import type { FilterValues } from './ccl-report-filters.js';

/** The filters changed to values that make sense. */
export class FiltersChangeEvent extends Event {
  static readonly type = 'filters-change';
  constructor(readonly values: FilterValues) {
    super(FiltersChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'filters-change': FiltersChangeEvent;
  }
}
