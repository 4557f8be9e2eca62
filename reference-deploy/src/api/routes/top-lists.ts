/**
 * @module The ranked lists: credentials, commands, downloads and fingerprints, each
 * `[{ value, count, … }]` with the conventions' meaning of `count`.
 */
import { z } from 'zod';
import type { TopDimension } from '@cowrieprocessor/core';
import { readRoute, type ReadRoute } from '../context.js';
import { cursorParam, limitParam, windowShape } from '../params.js';
import { topPage } from '../queries/top-list.js';
import { nextCursor, offsetOf } from './paging.js';

function topRoute(path: string, summary: string, by: Record<string, TopDimension>, byHelp: string): ReadRoute {
  const names = Object.keys(by) as [string, ...string[]];
  return readRoute({
    path, summary, tag: 'top lists', scope: 'read', cached: true,
    query: z.strictObject({ ...windowShape, by: z.enum(names).default(names[0]).describe(byHelp), limit: limitParam(10, 1000), cursor: cursorParam }),
    async handler(input) {
      const { q, ctx } = input;
      const offset = offsetOf(input);
      const { rows, more } = await topPage(ctx.store, by[q.by]!, q, offset, q.limit);
      return { data: rows, limit: q.limit, next: nextCursor(input, offset + q.limit, more) };
    },
  });
}

/** The top-list routes. */
export const topListRoutes: ReadRoute[] = [
  topRoute('/api/v1/credentials', 'Top credentials (count = login attempts)', { pair: 'credential', username: 'username', password: 'password' },
    'pair (username:password, default), username or password'),
  topRoute('/api/v1/commands', 'Top commands as typed (count = command events)', { input: 'command' }, 'input (the only ranking)'),
  topRoute('/api/v1/downloads', 'Top downloads (count = download events; keyed by URL with shasum alongside, or by hash)', { url: 'downloadUrl', hash: 'downloadHash' },
    'url (default) or hash'),
  topRoute('/api/v1/fingerprints', 'Top client fingerprints (count = sessions)', { hassh: 'hassh', clientVersion: 'clientVersion' }, 'hassh (default) or clientVersion'),
];
