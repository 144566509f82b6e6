import { Button, Group } from '@mantine/core';
import { t } from '../lib/i18n';

/**
 * A dialog's closing row: Cancel and its submit button while there is something to do, then one
 * Done once it is done.
 */
export function DialogButtons({
  onClose,
  submitLabel,
  sending = false,
  done = false,
  disabled = false,
  onSubmit,
  danger = false,
  focus = false,
}: {
  onClose: () => void;
  submitLabel?: string;
  sending?: boolean;
  done?: boolean;
  disabled?: boolean;
  /** Without it the button submits the form around it. */
  onSubmit?: () => void;
  danger?: boolean;
  /** The submit button takes the focus when the dialog opens. */
  focus?: boolean;
}) {
  if (done) {
    return (
      <Group justify="flex-end">
        {/* The step before it is gone: the focus goes on, as a keyboard user expects. */}
        <Button onClick={onClose} autoFocus>
          {t('common.done')}
        </Button>
      </Group>
    );
  }
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      {submitLabel && (
        <Button
          type={onSubmit ? 'button' : 'submit'}
          onClick={onSubmit}
          loading={sending}
          disabled={disabled}
          color={danger ? 'red' : undefined}
          data-autofocus={focus || undefined}
        >
          {submitLabel}
        </Button>
      )}
    </Group>
  );
}
