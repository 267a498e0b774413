import { CATALOGS, lookup, translate } from '../../shared/i18n/translate';
import type { ApiError, ErrorCode, Result } from '../../shared/result';

/**
 * The answers the client gives itself when the server gave none (errors are values: `invoke`
 * never throws). The network failure is the renderer's own (renderer/src/api/client.ts): code
 * INTERNAL with key `errors.NETWORK`, so the window shows the same translated message whether
 * the browser or the Electron main process failed to reach the server.
 */

/** Why, for logs and support (a parameter the message does not use). */
export function networkFailure(cause: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      key: 'errors.NETWORK',
      message: translate('zh-CN', 'errors.NETWORK'),
      params: { cause },
    },
  };
}

/**
 * The server showed another certificate than the one the person confirmed. Not a network failure:
 * retrying cannot help, and the person must not be told to "check the connection" — someone may be
 * in between, or the server's certificate was renewed and must be confirmed again.
 */
export const CERTIFICATE_CHANGED_KEY = 'errors.SERVER_CERTIFICATE_CHANGED';
/** No pin, and the certificate does not verify for this name against the trusted authorities. */
export const CERTIFICATE_UNTRUSTED_KEY = 'errors.SERVER_CERTIFICATE_UNTRUSTED';

// Until the catalogs (shared/i18n/parts/core.*.ts) have these keys, the messages written out here.
const FALLBACK: Record<string, string> = {
  [CERTIFICATE_CHANGED_KEY]:
    '服务器的证书已更改，与您确认过的证书不一致，已拒绝连接。请联系系统管理员核对新证书的指纹。' +
    ' / The server’s certificate has changed: it is not the one you confirmed, so nothing was sent.' +
    ' Ask your administrator to check the new certificate’s fingerprint.',
  [CERTIFICATE_UNTRUSTED_KEY]:
    '服务器的证书不受信任，已拒绝连接。请核对并确认服务器证书的指纹。' +
    ' / The server’s certificate is not trusted, so nothing was sent. Check and confirm its fingerprint.',
};

export function certificateFailure(
  kind: 'changed' | 'untrusted',
  cause: string,
  presented?: string,
): Result<never> {
  const key = kind === 'changed' ? CERTIFICATE_CHANGED_KEY : CERTIFICATE_UNTRUSTED_KEY;
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      key,
      message: lookup(CATALOGS['zh-CN'], key) ?? FALLBACK[key] ?? key,
      params: { cause, ...(presented ? { presented } : {}) },
    },
  };
}

/** A refusal the server would have given, given here without a round trip. */
export function refusal(code: ErrorCode): Result<never> {
  const key = `errors.${code}`;
  return { ok: false, error: { code, key, message: translate('zh-CN', key) } };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed answer has the contract's shape (a proxy's JSON error page does not). */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !isRecord(value.error)) return false;
  const error = value.error as Partial<ApiError>;
  return typeof error.code === 'string' && typeof error.key === 'string';
}
