import type { Customer } from '../features/customers/api';

/** A verified customer with 100.00 USD and no credits; each test changes what it is about. */
export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'c-1',
    account: 'ada@example.com',
    teamName: 'Engines',
    teamType: 'INDIVIDUAL',
    balance: '100.00',
    credits: '0.00',
    currency: 'USD',
    state: 'ON',
    tags: [],
    registeredAt: '2026-12-01T10:00:00Z',
    emailVerified: true,
    ...overrides,
  };
}
