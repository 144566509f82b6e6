import { createTheme } from '@mantine/core';
import { t } from '../lib/i18n';

export const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo's 8th shade has 5.4:1 contrast; the default 6th has less than 4.5:1.
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
  },
});
