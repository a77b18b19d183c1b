/**
 * True for an https URL, or an http URL on the loopback interface (tests, simulators):
 * credentials must never travel in clear text to another host.
 */
export function isAllowedBaseUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
