import { Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page outside the console's shell (sign-in, registration, verification): one card, one heading. */
export function PublicPage({ title, width = 440, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper component="main" withBorder p="xl" w={width} shadow="sm">
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
