import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError, OutcomeUnknown } from '../lib/api';
import { t } from '../lib/i18n';

/**
 * What became of a write: a refusal in words (field refusals are shown at their fields by the
 * form; this shows the rest), or an unknown outcome with the one safe way on, the same request
 * again.
 */
export function WriteFailure({ error, fields = [], onRetry }: { error: unknown; fields?: string[]; onRetry?: () => void }) {
  if (!error) return null;
  if (error instanceof OutcomeUnknown) {
    return (
      <Alert color="orange" role="alert">
        <Text size="sm">{t('common.outcomeUnknown')}</Text>
        {onRetry && (
          <Group mt="xs">
            <Button size="xs" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Alert>
    );
  }
  if (error instanceof ApiError) {
    if (fields.some((field) => error.fieldMessage(field))) return null;
    return (
      <Alert color="red" role="alert">
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert">
      {t('problem.unknown')}
    </Alert>
  );
}

/** A refusal's words for one field, when it names that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
