import { Anchor, Stack, Text, Title } from '@mantine/core';
import { t } from '../../lib/i18n';

export function ProviderPage() {
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('provider.title')}
      </Title>
      <Text>{t('provider.body')}</Text>
      <Anchor href="/docs">{t('provider.docs')}</Anchor>
    </Stack>
  );
}
