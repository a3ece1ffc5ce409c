import { dropEarly, takeEarly, withQuery } from '../early.ts';

/** An RFC 7807 problem document as the API sends it. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
}

/** A failed API call: carries the problem document so forms can show each message beside its field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument) {
    super(problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let language = 'vi';
let sessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/**
 * What to do when the API answers 401 while the page believed it was signed in (the session expired, or ended
 * elsewhere): the router sends the person to sign in and back. Called once per lost session.
 */
export function onSessionEnded(handler: () => void) {
  sessionEnded = handler;
}

export function setApiLanguage(lang: string) {
  language = lang;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export { withQuery };

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await res.json();
      if (body && typeof body.title === 'string') return new ApiError({ ...body, status: res.status });
    } catch {}
  }
  return new ApiError({
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
  });
}

/** Calls the JSON API with the session cookie, the CSRF token on unsafe methods and the UI language. */
export async function api<T>(
  method: string,
  path: string,
  opts: { body?: unknown; query?: Query; form?: FormData; raw?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language, accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const url = withQuery(path, opts.query);
  // the page's first GET of /api/auth/me (and of the dashboard's figures) was asked before the app ran (early.ts)
  if (method !== 'GET') dropEarly();
  const res = await ((method === 'GET' && !opts.raw && takeEarly(url)) ||
    fetch(url, { method, headers, body, credentials: 'same-origin' }));
  // a wrong password at sign-in is a 401 too, but it ends no session
  if (res.status === 401 && csrfToken !== null && path !== '/api/auth/sign-in') {
    setCsrfToken(null);
    sessionEnded?.();
  }
  if (!res.ok) throw await toError(res);
  if (opts.raw) return res as T;
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, { body });
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, { body });
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, { body });
export const del = <T>(path: string) => api<T>('DELETE', path);
