import { type HttpHandler, HttpResponse, http } from 'msw';
import { truncatedBody } from './fault-script.js';
import { parseSimBody } from './parse-sim-body.js';
import type { SimOutcome, SimRequest } from './sim-types.js';

interface Handler {
  handle(request: Omit<SimRequest, 'params'>): Promise<SimOutcome>;
}

function toResponse(outcome: Extract<SimOutcome, { kind: 'respond' }>): Response {
  const sim = outcome.response;
  if (sim.text !== undefined)
    return new HttpResponse(sim.text, { status: sim.status, headers: sim.headers ?? {} });
  if (sim.body === undefined)
    return new HttpResponse(null, { status: sim.status, headers: sim.headers ?? {} });
  return HttpResponse.json(sim.body, { status: sim.status, headers: sim.headers ?? {} });
}

function stalledResponse(outcome: Extract<SimOutcome, { kind: 'stall' }>): Response {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(truncatedBody(outcome.response)));
      timer = setTimeout(() => controller.close(), outcome.stallMs);
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new HttpResponse(stream, {
    status: outcome.response.status,
    headers: { 'content-type': 'application/json', ...outcome.response.headers },
  });
}

/** msw handlers that send every request below `baseUrl` to the simulator. */
export function toMswHandlers(simulator: Handler, baseUrl: string): HttpHandler[] {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const handler = http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const rawBody = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const outcome = await simulator.handle({
      method: request.method.toUpperCase(),
      path: url.pathname.slice(prefix.length) || '/',
      query: url.searchParams,
      headers,
      body: parseSimBody(rawBody, headers['content-type']),
      rawBody,
    });
    if (outcome.kind === 'reset') return HttpResponse.error();
    if (outcome.kind === 'stall') return stalledResponse(outcome);
    if (outcome.delayMs) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
    return toResponse(outcome);
  });
  return [handler];
}
