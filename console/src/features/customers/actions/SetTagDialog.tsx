import { Alert, Modal, Stack, TagsInput } from '@mantine/core';
import { DialogButtons } from '../../../components/DialogButtons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, WriteFailure } from '../../../components/Outcome';
import { api } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { type Customer, customerKeys, usePlatformTags } from '../api';
import { expectChange } from '../pending';

export function SetTagDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const queries = useQueryClient();
  const known = usePlatformTags();
  const [tags, setTags] = useState<string[]>(customer.tags);
  const save = useMutation({
    mutationFn: (next: string[]) => api.put<void>(`/customers/${customer.id}/tags`, { tags: next }),
    onSuccess: (_, next) => {
      expectChange(customer.id, { tags: next });
      void queries.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const title = t('tags.title', { account: customer.account });
  const options = Array.from(new Set([...(known.data ?? []), ...tags]));

  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(tags.map((tag) => tag.trim()).filter(Boolean));
        }}
      >
        <Stack>
          <TagsInput
            label={t('tags.label')}
            description={t('tags.hint')}
            data={options}
            value={tags}
            onChange={setTags}
            maxTags={20}
            error={fieldError(save.error, 'tags')}
            readOnly={save.isSuccess}
            clearable
            data-autofocus
          />
          {save.isSuccess ? (
            <Alert color="teal" role="status">
              {t('tags.done')}
            </Alert>
          ) : (
            <WriteFailure error={save.error} fields={['tags']} onRetry={() => save.mutate(tags)} />
          )}
          <DialogButtons onClose={onClose} submitLabel={t('common.save')} sending={save.isPending} done={save.isSuccess} />
        </Stack>
      </form>
    </Modal>
  );
}
