import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';

// customer-service's list and details, and the ledger's figures, as the console reads them.

export type TeamType = 'DEFAULT' | 'INDIVIDUAL' | 'ENTERPRISE';
export type CustomerState = 'ON' | 'OFF';

export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: string;
}

export interface Customer {
  id: string;
  account: string;
  teamName: string;
  teamType: TeamType;
  companyName?: string;
  balance: string;
  credits: string;
  currency: string;
  state: CustomerState;
  tags: string[];
  registeredAt: string;
  emailVerified: boolean;
  billingType?: 'INDIVIDUAL' | 'ENTERPRISE';
  contactName?: string;
  phone?: string;
  address?: PostalAddress;
}

export interface CustomerPage {
  items: Customer[];
  nextCursor?: string;
  total: number;
  totalExact: boolean;
}

export interface CreditPool {
  total: string;
  allocated: string;
  available: string;
  currency: string;
}

/** A money write's answer: the figures right after the change. */
export interface LedgerFigures {
  entryId: string;
  currency: string;
  balance: string;
  credits: string;
  poolAvailable?: string;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: Query) => ['customers', 'list', query] as const,
  details: (id: string) => ['customers', 'details', id] as const,
  pool: ['credit-pool'] as const,
};

export function useCustomerPage(query: Query, refetchInterval: number | false) {
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: ({ signal }) => api.get<CustomerPage>('/customers', query, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

export function useCustomer(id: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: customerKeys.details(id),
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval,
  });
}

export function useCreditPool() {
  return useQuery({
    queryKey: customerKeys.pool,
    queryFn: ({ signal }) => api.get<CreditPool>('/credit-pool', undefined, signal),
  });
}

/** The tags in use on the platform, to offer when tagging. */
export function usePlatformTags() {
  return useQuery({
    queryKey: ['customers', 'tags'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: { tag: string; customers: number }[] }>('/customers/tags', undefined, signal)).items.map(
        (item) => item.tag,
      ),
    staleTime: 30_000,
  });
}
