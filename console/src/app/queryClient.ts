import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: true,
      // A refusal will not change by asking again; a lost connection may.
      retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
    },
    mutations: { retry: false },
  },
});
