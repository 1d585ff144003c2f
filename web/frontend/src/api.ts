import { plainMessage, type Problem } from './problems';

/** A refusal or failure of the API, with the sentence to show for it. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(plainMessage(problem));
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** The request never reached the server (offline, connection lost). */
export class OfflineError extends Error {
  constructor() {
    super('No connection to the server. Check the network and try again.');
  }
}

export interface Caller {
  username: string;
  role: 'CUSTOMER' | 'COURIER' | 'CARRIER_ADMIN' | 'PLATFORM_ADMIN' | 'AUDITOR';
  carrier: string | null;
  hub: string | null;
}

interface Tokens {
  access_token: string;
  refresh_token: string;
}

/**
 * The logged-in user of one page. Tokens stay in this browser's storage under the page's own name, so the
 * courier's queued scans can still be sent after a reload; they never go into a URL.
 */
export class Session {
  private tokens: Tokens | null;

  constructor(private readonly storageKey: string) {
    const stored = localStorage.getItem(storageKey);
    this.tokens = stored ? (JSON.parse(stored) as Tokens) : null;
  }

  get loggedIn(): boolean {
    return this.tokens !== null;
  }

  async logIn(username: string, password: string): Promise<Caller> {
    this.store(await send<Tokens>('POST', '/auth/login', { body: { username, password } }));
    return this.me();
  }

  /** Forgets the tokens at once; the server revokes the refresh token when it can be reached. */
  async logOut(): Promise<void> {
    const tokens = this.tokens;
    this.store(null);
    if (tokens) {
      await send('POST', '/auth/logout', { body: { refresh_token: tokens.refresh_token } }).catch(() => undefined);
    }
  }

  /**
   * Who is logged in, as the server says. Without a connection, who it said last time, so that a page opened
   * offline (the courier's scanner) still works for the same user.
   */
  async me(): Promise<Caller> {
    const callerKey = `${this.storageKey}.caller`;
    try {
      const caller = await this.call<Caller>('GET', '/auth/me');
      localStorage.setItem(callerKey, JSON.stringify(caller));
      return caller;
    } catch (error) {
      const known = localStorage.getItem(callerKey);
      if (error instanceof OfflineError && this.tokens && known) return JSON.parse(known) as Caller;
      throw error;
    }
  }

  /** Calls the API with the access token, renewing it once with the refresh token when it has expired. */
  async call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return this.withToken((token) => send<T>(method, path, { ...options, token }));
  }

  /** The raw response, for bodies that are not JSON (label images, event streams). */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return this.withToken((token) => fetchOrFail(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }));
  }

  private async withToken<T>(request: (token: string) => Promise<T>): Promise<T> {
    if (!this.tokens) throw new ApiError({ status: 401, code: 'UNAUTHENTICATED' });
    try {
      return await request(this.tokens.access_token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.status !== 401) throw error;
      await this.refresh();
      return request(this.tokens!.access_token);
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.store(await send<Tokens>('POST', '/auth/refresh', { body: { refresh_token: this.tokens!.refresh_token } }));
    } catch (error) {
      if (error instanceof ApiError) this.store(null);
      throw error;
    }
  }

  private store(tokens: Tokens | null): void {
    this.tokens = tokens;
    if (tokens) {
      localStorage.setItem(this.storageKey, JSON.stringify(tokens));
    } else {
      localStorage.removeItem(this.storageKey);
      localStorage.removeItem(`${this.storageKey}.caller`);
    }
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string;
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchOrFail(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function fetchOrFail(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new OfflineError();
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status };
  }
}
