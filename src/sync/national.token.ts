import { DeliveryError } from './delivery-error.ts';

/** A token is renewed this long before the portal says it expires: a request in flight must not outlive it. */
const renewBeforeMs = 30_000;
const timeoutMs = 15_000;

export interface PortalCredentials {
  url: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The portal's OAuth 2.0 client-credentials tokens (RFC 6749 §4.4): one at a time, asked for when there is none or
 * it is about to expire, and dropped when the portal answers 401 with it (the portal may revoke a token early).
 * Concurrent callers share one request for a new token.
 */
export class PortalTokens {
  private token: { value: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  private readonly credentials: PortalCredentials;
  private readonly now: () => number;

  constructor(credentials: PortalCredentials, now: () => number = Date.now) {
    this.credentials = credentials;
    this.now = now;
  }

  async bearer(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.pending ??= this.request().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The portal refused this token: the next `bearer()` asks for a new one (unless another caller already did). */
  drop(value: string) {
    if (this.token?.value === value) this.token = null;
  }

  private async request(): Promise<string> {
    const { url, clientId, clientSecret } = this.credentials;
    let response: Response;
    try {
      response = await fetch(`${url}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new DeliveryError({
        vi: 'Không kết nối được tới Cổng quốc gia để lấy mã truy cập.',
        en: 'The national portal could not be reached for an access token.',
      });
    }
    const body = (await response.json().catch(() => null)) as {
      access_token?: unknown;
      expires_in?: unknown;
    } | null;
    if (response.status === 400 || response.status === 401)
      throw new DeliveryError({
        vi: 'Cổng quốc gia không chấp nhận thông tin đăng nhập của tỉnh (kiểm tra TXNG_NATIONAL_CLIENT_ID và TXNG_NATIONAL_CLIENT_SECRET).',
        en: "The national portal does not accept the province's credentials (check TXNG_NATIONAL_CLIENT_ID and TXNG_NATIONAL_CLIENT_SECRET).",
      });
    if (!response.ok || typeof body?.access_token !== 'string')
      throw new DeliveryError({
        vi: `Cổng quốc gia không cấp được mã truy cập (mã ${response.status}), sẽ thử lại sau.`,
        en: `The national portal gave no access token (status ${response.status}); it will be tried again.`,
      });
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
    // a token shorter-lived than the margin is still used once rather than asked for again and again
    this.token = { value: body.access_token, renewAt: this.now() + Math.max(lifetimeMs - renewBeforeMs, 0) };
    return body.access_token;
  }
}
