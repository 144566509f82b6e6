import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { formatExactTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';
import { AsOfForm, ChainBadge } from '../billing/Audit';
import { BillingDetails } from '../billing/BillingDetails';
import { CustomerActionDialog } from './CustomerActionDialog';
import type { CustomerAction } from './CustomerTable';
import { useCustomer } from './api';
import { BillingInformationDialog, EditInformationDialog } from './EditDialogs';
import { reconcile, usePendingCount, type Watched } from './pending';

function Row({ label, children, updating }: { label: string; children: React.ReactNode; updating?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={220}>
        {label}
      </Table.Th>
      <Table.Td>
        {children}
        {updating && (
          <Text span size="xs" c="orange.8" ml={6}>
            ({t('common.updating')})
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Customer Details: every field, the actions, the information forms, and the ledger with its audit. */
export function CustomerDetailsPage() {
  const { customerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const pending = usePendingCount();
  const details = useCustomer(customerId, pending > 0 ? 400 : false);
  const [dialog, setDialog] = useState<Exclude<CustomerAction, 'billing'> | 'info' | 'billingInfo' | null>(null);
  const tab = params.get('tab') === 'billing' ? 'billing' : 'information';

  if (details.isPending) return <Skeleton h={300} />;
  if (details.isError) {
    const missing = details.error instanceof ApiError && details.error.status === 404;
    return (
      <Stack>
        <Alert color={missing ? 'yellow' : 'red'} role="alert">
          {missing ? t('details.notFound') : t('common.loadFailed', { reason: details.error.message })}
        </Alert>
        <Anchor component={Link} to="/customers">
          {t('details.back')}
        </Anchor>
      </Stack>
    );
  }
  const { customer, updating } = reconcile(details.data);
  const is = (field: keyof Watched) => updating.has(field);
  const address = customer.address;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/customers" size="sm">
        ← {t('details.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('details.title')}: {customer.account}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog('balance')}>{t('action.manageBalance')}</Button>
          <Button variant="default" onClick={() => setDialog('credits')}>{t('action.manageCredits')}</Button>
          <Button variant="default" onClick={() => setDialog('tags')}>{t('action.setTag')}</Button>
          <Button variant="default" onClick={() => setDialog('password')}>{t('action.resetPassword')}</Button>
          <Button variant="default" color={customer.state === 'ON' ? 'red' : undefined} onClick={() => setDialog('state')}>
            {customer.state === 'ON' ? t('action.disable') : t('action.enable')}
          </Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value === 'billing' ? { tab: 'billing' } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="information">{t('details.information')}</Tabs.Tab>
          <Tabs.Tab value="billing">{t('billing.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="information" pt="sm">
          <Grid>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Paper withBorder p="sm">
                <Table>
                  <Table.Tbody>
                    <Row label={t('column.account')}>{customer.account}</Row>
                    <Row label={t('column.teamName')} updating={is('teamName')}>{customer.teamName}</Row>
                    <Row label={t('column.teamType')}>{t(`teamType.${customer.teamType}`)}</Row>
                    <Row label={t('column.id')}><span className="mono">{customer.id}</span></Row>
                    <Row label={t('column.balance')} updating={is('balance')}>{displayAmount(customer.balance, customer.currency)}</Row>
                    <Row label={t('column.credits')} updating={is('credits')}>{displayAmount(customer.credits, customer.currency)}</Row>
                    <Row label={t('column.companyName')} updating={is('companyName')}>{customer.companyName ?? t('common.none')}</Row>
                    <Row label={t('column.state')} updating={is('state')}>
                      <Badge color={customer.state === 'ON' ? 'teal.9' : 'gray.7'}>{t(`state.${customer.state}`)}</Badge>
                    </Row>
                    <Row label={t('column.tags')} updating={is('tags')}>
                      {customer.tags.length ? customer.tags.join(', ') : t('common.none')}
                    </Row>
                    <Row label={t('column.registrationTime')}>{formatExactTime(customer.registeredAt)}</Row>
                    <Row label={t('details.emailVerified')}>{customer.emailVerified ? t('details.yes') : t('details.no')}</Row>
                    <Row label={t('details.billingType')}>
                      {customer.billingType ? t(`details.${customer.billingType === 'ENTERPRISE' ? 'enterprise' : 'individual'}`) : t('common.none')}
                    </Row>
                    <Row label={t('details.contactName')}>{customer.contactName ?? t('common.none')}</Row>
                    <Row label={t('details.phone')}>{customer.phone ?? t('common.none')}</Row>
                    <Row label={t('details.address')}>
                      {address
                        ? [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country]
                            .filter(Boolean)
                            .join(', ')
                        : t('common.none')}
                    </Row>
                  </Table.Tbody>
                </Table>
                <Group mt="sm" gap="xs">
                  <Button variant="default" onClick={() => setDialog('info')}>{t('details.editInformation')}</Button>
                  <Button variant="default" onClick={() => setDialog('billingInfo')}>{t('details.editBilling')}</Button>
                </Group>
              </Paper>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="billing" pt="sm">
          <Stack gap="sm">
            <Group justify="space-between">
              <ChainBadge customerId={customer.id} />
              <AsOfForm customerId={customer.id} />
            </Group>
            <BillingDetails base={`/customers/${customer.id}/billing-details`} showActor />
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {dialog === 'info' && <EditInformationDialog customer={customer} onClose={() => setDialog(null)} />}
      {dialog === 'billingInfo' && (
        <BillingInformationDialog customer={customer} path={`/customers/${customer.id}/billing-info`} onClose={() => setDialog(null)} />
      )}
      {dialog && dialog !== 'info' && dialog !== 'billingInfo' && (
        <CustomerActionDialog action={dialog} customer={customer} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
