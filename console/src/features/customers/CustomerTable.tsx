import { Anchor, Badge, Button, Group, Menu, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { displayAmount } from '../../lib/money';
import type { Customer } from './api';
import type { Column, Sort } from './listParams';
import type { Reconciled, Watched } from './pending';

export type CustomerAction = 'balance' | 'credits' | 'tags' | 'password' | 'billing' | 'state';

const FIGURES: Column[] = ['balance', 'credits'];

function headerClass(column: Column): string | undefined {
  if (column === 'account') return 'pin-start';
  return FIGURES.includes(column) ? 'figure' : undefined;
}

function Updating({ field, updating }: { field: keyof Watched; updating: ReadonlySet<keyof Watched> }) {
  if (!updating.has(field)) return null;
  return (
    <Text span size="xs" c="orange.8" ml={4}>
      ({t('common.updating')})
    </Text>
  );
}

function Cell({ column, row }: { column: Column; row: Reconciled }) {
  const { customer, updating } = row;
  switch (column) {
    case 'account':
      return (
        <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
          {customer.account}
        </Anchor>
      );
    case 'teamName':
      return <>{customer.teamName}</>;
    case 'teamType':
      return <span className="nowrap">{t(`teamType.${customer.teamType}`)}</span>;
    case 'id':
      return <span className="mono">{customer.id}</span>;
    case 'balance':
    case 'credits':
      return (
        <>
          {displayAmount(customer[column])}
          <Updating field={column} updating={updating} />
        </>
      );
    case 'companyName':
      return <>{customer.companyName ?? ''}</>;
    case 'state':
      return (
        <>
          <Badge color={customer.state === 'ON' ? 'teal.9' : 'gray.7'}>
            {t(`state.${customer.state}`)}
          </Badge>
          <Updating field="state" updating={updating} />
        </>
      );
    case 'tags':
      return (
        <Group gap={4}>
          {customer.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="dark" size="sm" tt="none">
              {tag}
            </Badge>
          ))}
          <Updating field="tags" updating={updating} />
        </Group>
      );
    case 'registrationTime':
      return <span className="nowrap">{formatTime(customer.registeredAt)}</span>;
  }
}

function SortHeader({ column, sort, onSort }: { column: Column; sort: Sort; onSort: (column: Column) => void }) {
  const label = t(`column.${column}`);
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort} className={headerClass(column)}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm" title={t('customers.sortBy', { column: label })}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function CustomerTable({
  rows,
  columns,
  sort,
  onSort,
  onAction,
  busy,
}: {
  rows: Reconciled[];
  columns: Column[];
  sort: Sort;
  onSort: (column: Column) => void;
  onAction: (action: CustomerAction, customer: Customer) => void;
  busy: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table className="customer-table" highlightOnHover stickyHeader aria-busy={busy} captionSide="top">
        <caption className="skip-link">{t('customers.listCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <SortHeader key={column} column={column} sort={sort} onSort={onSort} />
            ))}
            <Table.Th className="pin-end">{t('column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.customer.id}>
              {columns.map((column) => (
                <Table.Td key={column} className={headerClass(column)}>
                  <Cell column={column} row={row} />
                </Table.Td>
              ))}
              <Table.Td className="pin-end">
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="compact-sm" variant="default" aria-label={t('customers.actionsFor', { account: row.customer.account })}>
                      {t('column.actions')} ▾
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => onAction('balance', row.customer)}>{t('action.manageBalance')}</Menu.Item>
                    <Menu.Item onClick={() => onAction('credits', row.customer)}>{t('action.manageCredits')}</Menu.Item>
                    <Menu.Item onClick={() => onAction('tags', row.customer)}>{t('action.setTag')}</Menu.Item>
                    <Menu.Item onClick={() => onAction('password', row.customer)}>{t('action.resetPassword')}</Menu.Item>
                    <Menu.Item onClick={() => onAction('billing', row.customer)}>{t('action.billingDetails')}</Menu.Item>
                    <Menu.Divider />
                    <Menu.Item color={row.customer.state === 'ON' ? 'red' : undefined} onClick={() => onAction('state', row.customer)}>
                      {row.customer.state === 'ON' ? t('action.disable') : t('action.enable')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
