import { useCallback, useRef, useState } from 'react';
import { type Answer, OutcomeUnknown } from '../../lib/api';
import { newKey } from '../../lib/ids';

// One dialog is one intended change: it carries one Idempotency-Key from opening to success,
// reused on every retry, so a double click, a timeout or a lost answer never books twice.

export type WriteState<T> =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: unknown }
  | { status: 'done'; data: T; replayed: boolean };

export function useKeyedWrite<B, T>(send: (body: B, key: string) => Promise<Answer<T>>) {
  const key = useRef(newKey());
  const inFlight = useRef(false);
  const [state, setState] = useState<WriteState<T>>({ status: 'idle' });
  const lastBody = useRef<B | null>(null);

  const submit = useCallback(
    async (body: B): Promise<Answer<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      lastBody.current = body;
      setState({ status: 'sending' });
      try {
        const answer = await send(body, key.current);
        setState({ status: 'done', data: answer.data, replayed: answer.replayed });
        return answer;
      } catch (error) {
        setState({ status: 'failed', error });
        return null;
      } finally {
        inFlight.current = false;
      }
    },
    [send],
  );

  /** After an unknown outcome only the very same request may go again, with the same key. */
  const retry = useCallback(() => (lastBody.current === null ? Promise.resolve(null) : submit(lastBody.current)), [submit]);

  /** Back to the form after a refusal: a refused request recorded nothing, so the key stays usable. */
  const reset = useCallback(() => setState({ status: 'idle' }), []);

  const unknown = state.status === 'failed' && state.error instanceof OutcomeUnknown;
  return { state, submit, retry, reset, unknown, key: key.current };
}
