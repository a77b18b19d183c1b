import type { HttpRequest } from './http-types.js';

/** Joins base URL, path and query into one URL string. */
export function buildUrl(baseUrl: string, request: HttpRequest): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  let url = base + request.path;
  if (request.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        if (request.arrayFormat === 'comma') params.append(key, value.join(','));
        else for (const item of value) params.append(key, String(item));
      } else {
        params.append(key, String(value));
      }
    }
    const text = params.toString();
    if (text) url += (url.includes('?') ? '&' : '?') + text;
  }
  return url;
}
