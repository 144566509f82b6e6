import { useLocalStorage } from '@mantine/hooks';
import { COLUMNS, type Column } from './listParams';

/** Which of the ten columns this admin shows; a preference of the browser, not part of the view's address. */
export function useVisibleColumns() {
  const [hidden, setHidden] = useLocalStorage<Column[]>({ key: 'tally.customers.hiddenColumns', defaultValue: [] });
  const visible = COLUMNS.filter((column) => !hidden.includes(column));
  const toggle = (column: Column, show: boolean) =>
    setHidden((current) => (show ? current.filter((c) => c !== column) : [...new Set([...current, column])]));
  return { visible, toggle };
}
