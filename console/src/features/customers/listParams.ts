import type { Query } from '../../lib/api';

// The list's whole view lives in the page address, so that it can be bookmarked and shared:
// search, filters, sort, page size and the page's cursor.

export const COLUMNS = [
  'account',
  'teamName',
  'teamType',
  'id',
  'balance',
  'credits',
  'companyName',
  'state',
  'tags',
  'registrationTime',
] as const;
export type Column = (typeof COLUMNS)[number];

export type Direction = 'asc' | 'desc';
export interface Sort {
  column: Column;
  direction: Direction;
}

export const DEFAULT_SORT: Sort = { column: 'registrationTime', direction: 'desc' };
export const PAGE_SIZES = ['25', '50', '100', '200'];
export const FILTERS = [
  'q',
  'state',
  'teamType',
  'tag',
  'minBalance',
  'maxBalance',
  'registeredFrom',
  'registeredTo',
] as const;
export type Filter = (typeof FILTERS)[number];

export function readSort(params: URLSearchParams): Sort {
  const [column, direction] = (params.get('sort') ?? '').split(',');
  if (!COLUMNS.includes(column as Column)) return DEFAULT_SORT;
  return { column: column as Column, direction: direction === 'desc' ? 'desc' : 'asc' };
}

export function writeSort(sort: Sort): string {
  return `${sort.column},${sort.direction}`;
}

/** Clicking a column's header: ascending first, then the other way. */
export function nextSort(current: Sort, column: Column): Sort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day in the address (`2026-12-01`) as the instant it starts, in the viewer's time zone. */
export function dayStart(day: string): string | undefined {
  if (!DAY.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00`);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/** The end of a day in the address: the next day's start, so the whole day is in range. */
export function dayEnd(day: string): string | undefined {
  const start = dayStart(day);
  if (!start) return undefined;
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return end.toISOString();
}

/** The filters as the API takes them (without the page's cursor and size). */
export function filterQuery(params: URLSearchParams): Query {
  const query: Query = {};
  for (const name of ['q', 'state', 'teamType', 'tag', 'minBalance', 'maxBalance'] as const) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const from = params.get('registeredFrom');
  const to = params.get('registeredTo');
  if (from) query.registeredFrom = dayStart(from);
  if (to) query.registeredTo = dayEnd(to);
  const sort = readSort(params);
  query.sort = writeSort(sort);
  return query;
}

export function pageQuery(params: URLSearchParams): Query {
  const limit = params.get('limit');
  return {
    ...filterQuery(params),
    limit: limit && PAGE_SIZES.includes(limit) ? limit : '50',
    cursor: params.get('cursor') ?? undefined,
  };
}

/** A changed filter or sort starts again from the first page. */
export function withChange(params: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(name);
  else next.set(name, value);
  next.delete('cursor');
  return next;
}

export function hasFilters(params: URLSearchParams): boolean {
  return FILTERS.some((name) => params.has(name));
}
