/** An LRS to read from: its xAPI endpoint and the Authorization header value. */
export interface LrsReadConnection {
  /** Absolute http(s) URL ending in "/". */
  endpoint: string;
  /** e.g. "Basic …". */
  auth: string;
}

export type ConnectionProblem = 'endpoint-missing' | 'endpoint-invalid' | 'key-missing';

/**
 * The endpoint as typed, made ready to use: an absolute http(s) URL with no query, ending in
 * "/" (a trailing "statements" resource is taken off). Null when it is not such an address.
 */
export function normaliseEndpoint(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) return null;
  let path = url.pathname.replace(/\/statements\/?$/, '/');
  if (!path.endsWith('/')) path += '/';
  return `${url.origin}${path}`;
}

/**
 * The Authorization header for a key as typed: a ready header value ("Basic …", or another
 * scheme) is used as it is; "key:secret" becomes Basic credentials (UTF-8, base64).
 */
export function authorizationFor(key: string): string {
  const k = key.trim();
  if (/^[A-Za-z][\w-]*\s+\S+$/.test(k) && !k.includes(':')) return k.replace(/^basic\s+/i, 'Basic ');
  if (k.includes(':')) {
    const bytes = new TextEncoder().encode(k);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return `Basic ${btoa(binary)}`;
  }
  // A bare value: taken as already-encoded Basic credentials.
  return `Basic ${k}`;
}

/** The connection from what the tutor typed, or everything wrong with it. */
export function readConnection(endpointText: string, keyText: string): { ok: true; value: LrsReadConnection } | { ok: false; problems: ConnectionProblem[] } {
  const problems: ConnectionProblem[] = [];
  const endpoint = normaliseEndpoint(endpointText);
  if (!endpointText.trim()) problems.push('endpoint-missing');
  else if (!endpoint) problems.push('endpoint-invalid');
  if (!keyText.trim()) problems.push('key-missing');
  if (!endpoint || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { endpoint, auth: authorizationFor(keyText) } };
}
