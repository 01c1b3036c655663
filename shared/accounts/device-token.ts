import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The known-device token (OWASP's "device cookie"): issued to a browser at a successful login and
 * bound to that account's e-mail, it exempts the browser from the per-account and per-address login
 * limits, so a stranger's wrong passwords cannot lock the real user out; the browser has a limit of
 * its own instead. `<deviceId>.<account hash>.<expires epoch s>.<HMAC-SHA256>` with the `device`
 * purpose key; nothing is stored server-side, so checking it costs no database call.
 */
export interface DeviceClaims {
  deviceId: string;
  /** A hash of the account's e-mail key: the token is worth nothing for another account. */
  account: string;
  expiresAt: number;
}

export const DEVICE_TOKEN_TTL_SECONDS = 180 * 24 * 60 * 60;

const ID = /^[0-9A-Za-z_-]{1,64}$/;
const HASH = /^[0-9a-f]{32}$/;

export const deviceAccount = (emailKey: string) =>
  createHash('sha256').update(`device-account.${emailKey}`).digest('hex').slice(0, 32);

const mac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(`device.v1.${payload}`).digest('base64url');

export function signDeviceToken(key: Uint8Array, claims: DeviceClaims): string {
  const payload = `${claims.deviceId}.${claims.account}.${claims.expiresAt}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The claims of a well-signed, unexpired token for this account; null for anything else. */
export function verifyDeviceToken(
  key: Uint8Array,
  token: string | undefined,
  account: string,
  nowSeconds: number,
): DeviceClaims | null {
  if (!token || token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [deviceId = '', claimed = '', expires = '', signature = ''] = parts;
  if (!ID.test(deviceId) || !HASH.test(claimed) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(mac(key, `${deviceId}.${claimed}.${expires}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(expires);
  if (expiresAt <= nowSeconds || claimed !== account) return null;
  return { deviceId, account: claimed, expiresAt };
}
