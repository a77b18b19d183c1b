// A service that receives payment webhooks from HighLevel and Paya and keeps one ledger of
// unified events. The two routes show the two adapters: a fetch-style handler (what Hono,
// Next.js route handlers and Workers take) and a Node handler (Express, Fastify, node:http).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleNodeWebhook, handleWebhookRequest } from '@payweave/core';
import { leadConnectorWebhooks } from '@payweave/leadconnector';
import { payaPostbacks } from '@payweave/paya';
import { fromLeadConnectorEvent, fromPayaPostback, type UnifiedWebhookEvent } from 'payweave';

/** What the app needs to trust its senders. */
export interface ReceiverSettings {
  /** HighLevel's Ed25519 keys (the published one by default; a simulator's in tests). */
  highLevelPublicKeys?: string[];
  /** The basic-auth pair configured on Paya's postback config. */
  payaBasicAuth: { username: string; password: string };
}

/** One processed delivery, as the app's ledger records it. */
export interface LedgerEntry {
  provider: 'leadconnector' | 'paya';
  event: string;
  unified: UnifiedWebhookEvent['type'] | undefined;
  id: string | undefined;
}

/** The running app: its URL, the ledger, and how to stop it. */
export interface ReceiverApp {
  url: string;
  ledger: LedgerEntry[];
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1 (a random port). */
export async function startReceiverApp(settings: ReceiverSettings): Promise<ReceiverApp> {
  const ledger: LedgerEntry[] = [];
  const highLevel = leadConnectorWebhooks({ publicKeys: settings.highLevelPublicKeys });
  const paya = payaPostbacks({ basicAuth: settings.payaBasicAuth });

  // The fetch-style route: (Request) => Promise<Response>.
  const highLevelRoute = (request: Request) =>
    handleWebhookRequest(highLevel, request, (event) => {
      const unified = fromLeadConnectorEvent(event);
      ledger.push({
        provider: 'leadconnector',
        event: event.type,
        unified: unified?.type,
        id: unified && 'paymentRequest' in unified ? unified.paymentRequest.id : undefined,
      });
    });

  const server: Server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/webhooks/paya') {
      // The Node route: reads the raw body itself (mount it before any body parser).
      await handleNodeWebhook(paya, req, res, (event) => {
        const unified = fromPayaPostback(event);
        ledger.push({
          provider: 'paya',
          event: event.type,
          unified: unified?.type,
          id: unified && 'transaction' in unified ? unified.transaction.id : undefined,
        });
      });
      return;
    }
    if (req.method === 'POST' && req.url === '/webhooks/highlevel') {
      // A tiny Node → fetch bridge, as @hono/node-server does.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, values] of Object.entries(req.headersDistinct)) {
        for (const value of values ?? []) headers.append(name, value);
      }
      const response = await highLevelRoute(
        new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }),
      );
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(await response.text());
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ledger,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
