import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'EXPIRED' | 'REVOKED' | 'LOCKED';

export interface Invitation {
  id: string;
  email?: string;
  status: InvitationStatus;
  issuedAt: string;
  expiresAt: string;
  issuedBy?: string;
  customerId?: string;
  closedAt?: string;
  /** Registrations refused because their address was taken; the third locks the link. */
  refusedRegistrations: number;
}

export interface IssuedInvitation {
  id: string;
  link: string;
  expiresAt: string;
}

export const invitationKeys = {
  all: ['invitations'] as const,
  list: (status: string | null, offset: number) => ['invitations', status ?? 'ALL', offset] as const,
};

export const INVITATIONS_PAGE = 50;

export function useInvitations(status: string | null, offset: number) {
  return useQuery({
    queryKey: invitationKeys.list(status, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: Invitation[] }>(
        '/invitations',
        { status: status ?? undefined, limit: INVITATIONS_PAGE + 1, offset },
        signal,
      ),
  });
}
