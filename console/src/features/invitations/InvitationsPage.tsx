import { Alert, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { WriteFailure } from '../../components/Outcome';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { INVITATIONS_PAGE, type Invitation, invitationKeys, type InvitationStatus, useInvitations } from './api';
import { InviteCustomerDialog } from './InviteCustomerDialog';

const STATUSES: InvitationStatus[] = ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED', 'LOCKED'];
const COLOR: Record<InvitationStatus, string> = {
  PENDING: 'blue.9',
  ACCEPTED: 'teal.9',
  EXPIRED: 'gray.7',
  REVOKED: 'red.9',
  LOCKED: 'grape.9',
};

function RevokeButton({ invitation }: { invitation: Invitation }) {
  const queries = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete<void>(`/invitations/${invitation.id}`),
    onSettled: () => void queries.invalidateQueries({ queryKey: invitationKeys.all }),
  });
  const who = invitation.email ?? t('invitations.anyEmail');
  return (
    <Stack gap={4}>
      <Button
        size="compact-sm"
        variant="default"
        color="red"
        onClick={() => revoke.mutate()}
        loading={revoke.isPending}
        disabled={revoke.isSuccess}
        aria-label={t('invitations.revokeFor', { email: who })}
      >
        {t('invitations.revoke')}
      </Button>
      <WriteFailure error={revoke.error} />
    </Stack>
  );
}

/** The platform's invitations by status; a pending one can be revoked. */
export function InvitationsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useInvitations(status, offset);
  const [inviting, setInviting] = useState(false);
  const items = list.data?.items.slice(0, INVITATIONS_PAGE) ?? [];
  const more = (list.data?.items.length ?? 0) > INVITATIONS_PAGE;
  const go = (next: Record<string, string | null>) => {
    const search = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value) search.set(name, value);
      else search.delete(name);
    }
    setParams(search);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('invitations.title')}
        </Title>
        <Button onClick={() => setInviting(true)}>{t('customers.inviteCustomer')}</Button>
      </Group>
      <SegmentedControl
        aria-label={t('invitations.status')}
        value={status ?? 'ALL'}
        onChange={(value) => go({ status: value === 'ALL' ? null : value, offset: null })}
        data={[
          { value: 'ALL', label: t('invitations.all') },
          ...STATUSES.map((value) => ({ value, label: t(`invitations.status.${value}`) })),
        ]}
        w="fit-content"
      />
      {list.isError ? (
        <Alert color="red" role="alert">
          {t('common.loadFailed', { reason: (list.error as Error).message })}
        </Alert>
      ) : list.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Table striped aria-busy={list.isFetching}>
          <caption className="skip-link">{t('invitations.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invitations.email')}</Table.Th>
              <Table.Th>{t('invitations.status')}</Table.Th>
              <Table.Th>{t('invitations.issued')}</Table.Th>
              <Table.Th>{t('invitations.expiresAt')}</Table.Th>
              <Table.Th>{t('column.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email ?? t('invitations.anyEmail')}</Table.Td>
                <Table.Td>
                  <Badge color={COLOR[invitation.status]}>
                    {t(`invitations.status.${invitation.status}`)}
                  </Badge>
                  {invitation.status === 'LOCKED' && (
                    <Text size="xs" c="gray.7">
                      {t('invitations.lockedAfter', { count: invitation.refusedRegistrations })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(invitation.issuedAt)}</Table.Td>
                <Table.Td>{formatTime(invitation.expiresAt)}</Table.Td>
                <Table.Td>{invitation.status === 'PENDING' && <RevokeButton invitation={invitation} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && items.length === 0 && <Text c="dimmed">{t('invitations.empty')}</Text>}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" disabled={offset === 0} onClick={() => go({ offset: String(Math.max(0, offset - INVITATIONS_PAGE)) || null })}>
          {t('common.previousPage')}
        </Button>
        <Button variant="default" disabled={!more} onClick={() => go({ offset: String(offset + INVITATIONS_PAGE) })}>
          {t('common.nextPage')}
        </Button>
      </Group>
      {inviting && <InviteCustomerDialog onClose={() => setInviting(false)} />}
    </Stack>
  );
}
