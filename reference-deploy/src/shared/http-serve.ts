/**
 * @module Serve a Hono app on a port with `@hono/node-server` and close it cleanly. Used by the
 * coordinator and the loader's health server; port 0 picks a free port (tests).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A listening server. */
export interface Serving {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listen on `host:port` with `fetch` (a Hono app's `fetch`).
 *
 * @example
 * ```ts
 * const s = await listen(app.fetch, 8082, '0.0.0.0');
 * await s.close();
 * ```
 */
export function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, host: string): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((r) => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => r());
        }),
      });
    });
    server.once('error', reject);
  });
}
