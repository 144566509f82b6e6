import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { t } from '../../lib/i18n';
import { usePlatformTags } from './api';
import { hasFilters, withChange } from './listParams';

const MIN_SEARCH = 3;

/** Search and filters, each written to the page address as it changes. */
export function ListFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const tags = usePlatformTags();
  const [search, setSearch] = useState(params.get('q') ?? '');
  useEffect(() => setSearch(params.get('q') ?? ''), [params]);
  const writeSearch = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length >= MIN_SEARCH) onChange(withChange(params, 'q', trimmed));
  }, 300);
  const set = (name: string) => (value: string | null) => onChange(withChange(params, name, value));
  const text = (name: string) => params.get(name) ?? '';
  const tooShort = search.trim().length > 0 && search.trim().length < MIN_SEARCH;

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('customers.filters')}>
      <TextInput
        label={t('customers.search')}
        placeholder={t('customers.searchHint')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          writeSearch(event.currentTarget.value);
        }}
        error={tooShort ? t('customers.searchHint') : undefined}
        w={260}
        type="search"
      />
      <Select
        label={t('customers.state')}
        placeholder={t('customers.any')}
        data={[
          { value: 'ON', label: t('state.ON') },
          { value: 'OFF', label: t('state.OFF') },
        ]}
        value={params.get('state')}
        onChange={set('state')}
        clearable
        w={110}
      />
      <Select
        label={t('customers.teamType')}
        placeholder={t('customers.any')}
        data={(['DEFAULT', 'INDIVIDUAL', 'ENTERPRISE'] as const).map((type) => ({
          value: type,
          label: t(`teamType.${type}`),
        }))}
        value={params.get('teamType')}
        onChange={set('teamType')}
        clearable
        w={160}
      />
      <Select
        label={t('customers.tag')}
        placeholder={t('customers.any')}
        data={Array.from(new Set([...(tags.data ?? []), ...(params.get('tag') ? [params.get('tag')!] : [])]))}
        value={params.get('tag')}
        onChange={set('tag')}
        searchable
        clearable
        w={150}
      />
      <TextInput
        label={t('customers.minBalance')}
        inputMode="decimal"
        defaultValue={text('minBalance')}
        key={`min-${text('minBalance')}`}
        onBlur={(event) => set('minBalance')(event.currentTarget.value.trim())}
        onKeyDown={(event) => event.key === 'Enter' && set('minBalance')(event.currentTarget.value.trim())}
        w={110}
      />
      <TextInput
        label={t('customers.maxBalance')}
        inputMode="decimal"
        defaultValue={text('maxBalance')}
        key={`max-${text('maxBalance')}`}
        onBlur={(event) => set('maxBalance')(event.currentTarget.value.trim())}
        onKeyDown={(event) => event.key === 'Enter' && set('maxBalance')(event.currentTarget.value.trim())}
        w={110}
      />
      <TextInput
        label={t('customers.registeredFrom')}
        type="date"
        value={text('registeredFrom')}
        onChange={(event) => set('registeredFrom')(event.currentTarget.value)}
        w={150}
      />
      <TextInput
        label={t('customers.registeredTo')}
        type="date"
        value={text('registeredTo')}
        onChange={(event) => set('registeredTo')(event.currentTarget.value)}
        w={150}
      />
      {hasFilters(params) && (
        <Button
          variant="subtle"
          onClick={() => {
            const next = new URLSearchParams();
            for (const keep of ['sort', 'limit']) {
              const value = params.get(keep);
              if (value) next.set(keep, value);
            }
            onChange(next);
          }}
        >
          {t('customers.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
