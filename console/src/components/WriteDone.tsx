import { Alert, Stack, Text } from '@mantine/core';
import { t } from '../lib/i18n';
import { DialogButtons } from './DialogButtons';

/** A write's success in words, and whether the server found it already made (a retried key). */
export function WriteDone({ message, replayed, onClose }: { message: string; replayed: boolean; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="teal" role="status">
        {message}
      </Alert>
      {replayed && <Text size="sm">{t('common.replayed')}</Text>}
      <DialogButtons onClose={onClose} done />
    </Stack>
  );
}
