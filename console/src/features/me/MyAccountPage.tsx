import { Alert, Badge, Button, Grid, Group, Paper, PasswordInput, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError, WriteFailure } from '../../components/Outcome';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';
import { signIn, useSession } from '../../lib/session';
import { BillingDetails } from '../billing/BillingDetails';
import type { Customer } from '../customers/api';
import { BillingInformationDialog } from '../customers/EditDialogs';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Grid.Col span={{ base: 12, md: 4 }}>
      <Paper withBorder p="sm">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fw={700} size="xl" className="figure" ta="left">
          {value}
        </Text>
      </Paper>
    </Grid.Col>
  );
}

function ChangePassword() {
  const session = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: async () => {
      await api.put('/me/password', { currentPassword, newPassword });
      // The change ends every session, this one's refresh cookie too: sign in afresh with the new password.
      if (session.status === 'signed-in' && session.identity.username) {
        await signIn(session.identity.username, newPassword, session.identity.platformId);
      }
    },
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const passwordRule = change.error instanceof ApiError && change.error.code?.startsWith('password_') ? change.error.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  };
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="change-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs" maw={480}>
          <Title order={2} size="h4" id="change-password">
            {t('me.changePassword')}
          </Title>
          <PasswordInput
            label={t('me.currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={fieldError(change.error, 'currentPassword') ?? (change.error instanceof ApiError && change.error.code === 'current_password_wrong' ? change.error.message : undefined)}
            required
          />
          <PasswordInput
            label={t('me.newPassword')}
            description={t('register.rules')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNew(event.currentTarget.value)}
            error={fieldError(change.error, 'newPassword') ?? passwordRule}
            required
          />
          {change.isSuccess && (
            <Alert color="teal" role="status">
              {t('me.passwordChanged')}
            </Alert>
          )}
          {!passwordRule && !(change.error instanceof ApiError && change.error.code === 'current_password_wrong') && (
            <WriteFailure error={change.error} fields={['currentPassword', 'newPassword']} />
          )}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('me.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A customer's own console: profile and team type, balance, credits, billing details, billing information, password. */
export function MyAccountPage() {
  const me = useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api.get<Customer>('/me', undefined, signal) });
  const [editing, setEditing] = useState(false);
  if (me.isPending) return <Skeleton h={300} />;
  if (me.isError) {
    return (
      <Alert color="red" role="alert">
        {t('common.loadFailed', { reason: me.error.message })}
      </Alert>
    );
  }
  const customer = me.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('me.title')}
      </Title>
      <Grid>
        <Figure label={t('me.balance')} value={displayAmount(customer.balance, customer.currency)} />
        <Figure label={t('me.credits')} value={displayAmount(customer.credits, customer.currency)} />
      </Grid>
      <Paper withBorder p="sm" component="section" aria-labelledby="profile">
        <Title order={2} size="h4" id="profile" mb="xs">
          {t('me.profile')}
        </Title>
        <Table>
          <Table.Tbody>
            <Table.Tr><Table.Th scope="row" w={200}>{t('column.account')}</Table.Th><Table.Td>{customer.account}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">{t('column.teamName')}</Table.Th><Table.Td>{customer.teamName}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">{t('column.teamType')}</Table.Th><Table.Td><Badge color="indigo.9">{t(`teamType.${customer.teamType}`)}</Badge></Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">{t('column.companyName')}</Table.Th><Table.Td>{customer.companyName ?? t('common.none')}</Table.Td></Table.Tr>
            <Table.Tr><Table.Th scope="row">{t('details.emailVerified')}</Table.Th><Table.Td>{customer.emailVerified ? t('details.yes') : t('details.no')}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
        <Button mt="sm" variant="default" onClick={() => setEditing(true)}>
          {t('details.editBilling')}
        </Button>
      </Paper>
      <section aria-labelledby="billing-details">
        <Title order={2} size="h4" id="billing-details" mb="xs">
          {t('billing.title')}
        </Title>
        <BillingDetails base="/me/billing-details" showActor={false} />
      </section>
      <ChangePassword />
      {editing && (
        <BillingInformationDialog
          customer={customer}
          path="/me/billing-info"
          onClose={() => {
            setEditing(false);
            void me.refetch();
          }}
        />
      )}
    </Stack>
  );
}
