import { Group, Paper, Skeleton, Text } from '@mantine/core';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';
import { useCreditPool } from './api';

function Figure({ label, value }: { label: string; value?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {value === undefined ? <Skeleton h={20} w={90} /> : <Text fw={600} className="figure">{value}</Text>}
    </div>
  );
}

/** The platform's credit pool: what it has, what is granted to customers, what is left to grant. */
export function PoolSummary() {
  const pool = useCreditPool();
  const show = (amount?: string) => (pool.data && amount !== undefined ? displayAmount(amount, pool.data.currency) : undefined);
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('pool.title')}>
      <Group gap="xl">
        <Text fw={600} size="sm">
          {t('pool.title')}
        </Text>
        <Figure label={t('pool.total')} value={show(pool.data?.total)} />
        <Figure label={t('pool.granted')} value={show(pool.data?.allocated)} />
        <Figure label={t('pool.available')} value={show(pool.data?.available)} />
      </Group>
    </Paper>
  );
}
