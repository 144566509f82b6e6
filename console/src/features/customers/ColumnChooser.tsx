import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { t } from '../../lib/i18n';
import { COLUMNS, type Column } from './listParams';

export function ColumnChooser({ visible, onToggle }: { visible: Column[]; onToggle: (column: Column, show: boolean) => void }) {
  return (
    <Popover position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default">{t('customers.columns')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, marginBottom: 8 }}>
            {t('customers.columnsLegend')}
          </legend>
          <Stack gap={6}>
            {COLUMNS.map((column) => (
              <Checkbox
                key={column}
                label={t(`column.${column}`)}
                checked={visible.includes(column)}
                disabled={column === 'account'}
                onChange={(event) => onToggle(column, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        </fieldset>
      </Popover.Dropdown>
    </Popover>
  );
}
