import type { TimeRange } from '../../tracking/report/evidence-model.js';

/** A date input's value (YYYY-MM-DD) as local midnight, or at the end of that day. */
function localDay(value: string, end: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return end ? new Date(y, mo, d, 23, 59, 59, 999).getTime() : new Date(y, mo, d).getTime();
}

/** The time range two date inputs describe, each day whole, in the tutor's time zone. */
export function dayRange(from: string, to: string): TimeRange {
  const range: TimeRange = {};
  const start = localDay(from, false);
  const end = localDay(to, true);
  if (start !== undefined) range.from = start;
  if (end !== undefined) range.to = end;
  return range;
}

/** True when both dates are given and the first is after the second. */
export const isBackwards = (from: string, to: string): boolean => Boolean(from && to && from > to);
