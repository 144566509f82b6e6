import { problemText } from './i18n';

// One way to call the gateway: JSON in and out, the access token attached, refusals as
// ApiError (an RFC 7807 problem, each field error beside its field), and a lost connection as
// OutcomeUnknown, because a write whose answer never came may or may not have taken effect.

export interface FieldError {
  field: string;
  rule?: string;
  message?: string;
}

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problemText(problem.code, problem.detail));
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** The refusal's words for one field, if it names that field. */
  fieldMessage(field: string): string | undefined {
    const error = this.problem.errors?.find(
      (candidate) =>
        candidate.field === field || candidate.field.startsWith(`${field}[`) || candidate.field.startsWith(`${field}.`),
    );
    if (!error) return undefined;
    return problemText(error.rule ? `${field}.${error.rule}` : undefined, error.message);
  }
}

/** No answer arrived (network, 502, 504): the request may have taken effect. */
export class OutcomeUnknown extends Error {
  constructor(readonly cause?: unknown) {
    super('outcome unknown');
  }
}

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Skip the access token (public pages). */
  anonymous?: boolean;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  data: T;
  status: number;
  /** The server found this exact change already made (an Idempotency-Key retry). */
  replayed: boolean;
  headers: Headers;
}

export type TokenSource = {
  token(): Promise<string | null>;
  /** The token was refused as expired: get a new one, or null when the session is over. */
  renew(refusal: ApiError): Promise<string | null>;
};

let tokens: TokenSource = { token: async () => null, renew: async () => null };

export function useTokenSource(source: TokenSource): void {
  tokens = source;
}

export const API = '/api/v1';

export function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${path.startsWith('/api/') ? path : API + path}${search ? `?${search}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(url(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (failure) {
    if (failure instanceof DOMException && failure.name === 'AbortError') throw failure;
    throw new OutcomeUnknown(failure);
  }
}

export async function readProblem(response: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    // A refusal without a problem body still has its status.
  }
  return new ApiError({ ...body, status: response.status });
}

export async function call<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const token = options.anonymous ? null : await tokens.token();
  let response = await send(method, path, options, token);
  if (response.status === 401 && token) {
    const refusal = await readProblem(response);
    const renewed = await tokens.renew(refusal);
    if (!renewed) throw refusal;
    response = await send(method, path, options, renewed);
  }
  if (response.status === 502 || response.status === 504) throw new OutcomeUnknown();
  if (!response.ok) throw await readProblem(response);
  const text = response.status === 204 ? '' : await response.text();
  return {
    data: (text ? JSON.parse(text) : undefined) as T,
    status: response.status,
    replayed: response.headers.get('Idempotent-Replayed') === 'true',
    headers: response.headers,
  };
}

export const api = {
  get: async <T>(path: string, query?: Query, signal?: AbortSignal) => (await call<T>('GET', path, { query, signal })).data,
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    call<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    call<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown) => call<T>('PATCH', path, { body }),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** A CSV export is a file: fetched with the token, then handed to the browser to save. */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const token = await tokens.token();
  let response: Response;
  try {
    response = await fetch(url(path, query), {
      headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    });
  } catch (failure) {
    throw new OutcomeUnknown(failure);
  }
  if (!response.ok) throw await readProblem(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
