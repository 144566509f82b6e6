import { useSyncExternalStore } from 'react';
import type { Customer } from './api';

// What the page has been told by a write's answer but the list's projection may not show yet.
// Until the projection catches up, rows show the answered figure marked "updating", never the
// stale one as if it were final; the list polls meanwhile.

export type Watched = Pick<Customer, 'balance' | 'credits' | 'state' | 'tags' | 'teamName' | 'companyName'>;
export type Expected = Partial<Watched>;

const GIVE_UP_MS = 60_000;

interface Entry {
  expected: Expected;
  since: number;
}

let entries = new Map<string, Entry>();
const listeners = new Set<() => void>();

function changed(next: Map<string, Entry>) {
  entries = next;
  listeners.forEach((listener) => listener());
}

export function expectChange(customerId: string, expected: Expected, now = Date.now()): void {
  const next = new Map(entries);
  const before = next.get(customerId)?.expected ?? {};
  next.set(customerId, { expected: { ...before, ...expected }, since: now });
  changed(next);
}

function same(field: keyof Watched, shown: Customer[keyof Watched], expected: unknown): boolean {
  if (field === 'tags') {
    const normal = (tags: unknown) =>
      ((tags as string[] | undefined) ?? []).map((tag) => tag.toLowerCase()).sort().join('\u0000');
    return normal(shown) === normal(expected);
  }
  return (shown ?? '') === (expected ?? '');
}

export interface Reconciled {
  customer: Customer;
  updating: ReadonlySet<keyof Watched>;
}

/** The row as the page should show it, and which of its fields are still on their way. */
export function reconcile(customer: Customer, now = Date.now()): Reconciled {
  const entry = entries.get(customer.id);
  if (!entry) return { customer, updating: new Set() };
  if (now - entry.since > GIVE_UP_MS) {
    forget(customer.id);
    return { customer, updating: new Set() };
  }
  const updating = new Set<keyof Watched>();
  const shown: Customer = { ...customer };
  for (const [field, value] of Object.entries(entry.expected) as [keyof Watched, never][]) {
    if (!same(field, customer[field], value)) {
      updating.add(field);
      shown[field] = value;
    }
  }
  if (updating.size === 0) forget(customer.id);
  return { customer: shown, updating };
}

function forget(customerId: string) {
  if (!entries.has(customerId)) return;
  const next = new Map(entries);
  next.delete(customerId);
  queueMicrotask(() => changed(next));
}

export function pendingCount(): number {
  return entries.size;
}

export function usePendingCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => entries.size,
  );
}

export function clearPending(): void {
  changed(new Map());
}
