import { useSyncExternalStore } from 'react';
import { ApiError, OutcomeUnknown, readProblem, useTokenSource } from './api';

// The browser's session. The access token lives in this module's memory only; the refresh token
// is an HttpOnly cookie that only the gateway's /api/v1/session endpoints read, guarded by a
// double-submitted CSRF token. A reload restores the session through that cookie. Every second
// the page asks the gateway whether its token still holds, so a revocation (a disable, a password
// reset, a sign-out elsewhere) ends the open page within two seconds.

export type Role = 'PROVIDER' | 'PLATFORM_ADMIN' | 'CUSTOMER';

export interface Identity {
  subject: string;
  role: Role;
  platformId?: string;
  username?: string;
  expiresAt: number;
}

export type EndReason = 'ended' | 'signed_out';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; ended?: EndReason }
  | { status: 'signed-in'; identity: Identity };

const SESSION = '/api/v1/session';
const CSRF_COOKIE = 'tally_csrf';
const WATCH_INTERVAL_MS = 1000;
const RENEW_BEFORE_MS = 60_000;

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  csrfToken?: string;
}

let state: SessionState = { status: 'restoring' };
let accessToken: string | null = null;
let watch: ReturnType<typeof setInterval> | undefined;
let renewing: Promise<string | null> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function sessionState(): SessionState {
  return state;
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The token's claims, read for display and routing only: the gateway checks the token itself. */
export function identityOf(token: string): Identity {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<
    string,
    unknown
  >;
  return {
    subject: String(claims.sub),
    role: claims.role as Role,
    platformId: typeof claims.platform === 'string' ? claims.platform : undefined,
    username: typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined,
    expiresAt: Number(claims.exp) * 1000,
  };
}

function accept(answer: TokenAnswer): string {
  accessToken = answer.accessToken;
  publish({ status: 'signed-in', identity: identityOf(answer.accessToken) });
  startWatching();
  return answer.accessToken;
}

function end(reason?: EndReason): null {
  accessToken = null;
  stopWatching();
  publish({ status: 'anonymous', ended: reason });
  return null;
}

async function post(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (failure) {
    throw new OutcomeUnknown(failure);
  }
}

export async function signIn(username: string, password: string, platformId?: string): Promise<Identity> {
  const response = await post(SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(platformId ? { username, password, platformId } : { username, password }),
  });
  if (!response.ok) throw await readProblem(response);
  accept((await response.json()) as TokenAnswer);
  return (state as Extract<SessionState, { status: 'signed-in' }>).identity;
}

/** One refresh at a time, across this browser's tabs too: a refresh token presented twice ends every session. */
async function refreshOnce(): Promise<string | null> {
  const exchange = async (): Promise<string | null> => {
    const csrf = csrfToken();
    if (!csrf) return null;
    const response = await post(`${SESSION}/refresh`, { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
    if (!response.ok) return null;
    return accept((await response.json()) as TokenAnswer);
  };
  return navigator.locks ? navigator.locks.request('tally-session-refresh', exchange) : exchange();
}

function renew(): Promise<string | null> {
  renewing ??= refreshOnce().finally(() => {
    renewing = null;
  });
  return renewing;
}

/** At page load: pick the session up from its cookie, if there is one. */
export async function restore(): Promise<void> {
  try {
    const token = await renew();
    if (!token) end();
  } catch {
    end();
  }
}

export async function signOut(): Promise<void> {
  const csrf = csrfToken();
  const headers: Record<string, string> = csrf ? { 'X-CSRF-Token': csrf } : {};
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    await post(SESSION, { method: 'DELETE', headers });
  } finally {
    end('signed_out');
  }
}

async function check(): Promise<void> {
  if (!accessToken || state.status !== 'signed-in') return;
  if (state.identity.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    if (!(await renew())) end('ended');
    return;
  }
  let response: Response;
  try {
    response = await fetch(SESSION, { headers: { Authorization: `Bearer ${accessToken}` } });
  } catch {
    return; // the gateway is unreachable for a moment: the next check decides
  }
  if (response.status === 401) {
    const refusal = await readProblem(response);
    if (refusal.code === 'session_ended' || !(await renew())) end('ended');
  }
}

function startWatching(): void {
  watch ??= setInterval(() => void check(), WATCH_INTERVAL_MS);
}

function stopWatching(): void {
  if (watch) clearInterval(watch);
  watch = undefined;
}

useTokenSource({
  token: async () => {
    if (accessToken && state.status === 'signed-in' && state.identity.expiresAt - Date.now() < RENEW_BEFORE_MS) {
      return renew();
    }
    return accessToken;
  },
  renew: async (refusal: ApiError) => {
    if (refusal.code === 'session_ended') return end('ended');
    return (await renew()) ?? end('ended');
  },
});
