import { createServer, type Server } from 'node:http';

/**
 * A loopback server that answers every request with the same status, headers and bytes,
 * whatever the path: payweave, raw fetch, undici, stripe and the GHL client all read the
 * exact same response, so only the clients differ. The body is drained, never parsed,
 * to keep the server's share of each round trip small and equal for everyone.
 */
export function startFixedResponseServer(body: string): Promise<{ url: string; server: Server }> {
  const bytes = Buffer.from(body);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(bytes.byteLength),
    'request-id': 'req_bench',
  };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, headers);
      response.end(bytes);
    });
  });
  // Clients keep their connections between runs; the default 5 s would drop them mid-bench.
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        server,
      });
    });
  });
}
