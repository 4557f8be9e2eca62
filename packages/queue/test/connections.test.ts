import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_SIZE, postgresConnection, redisConnection } from '../src/index.js';

describe('engine connections from COWRIE_QUEUE', () => {
  it('PostgreSQL: schema and pool size from the URL, both left out of the connection string', () => {
    const c = postgresConnection('postgres://u@db:5432/cowrie?schema=jobs&pool=5&sslmode=disable');
    expect(c.connection).toEqual({ connectionString: 'postgres://u@db:5432/cowrie?sslmode=disable', schema: 'jobs', migrate: true, max: 5 });
    expect((postgresConnection('postgres://u@db/cowrie').connection as { max: number }).max).toBe(DEFAULT_POOL_SIZE);
    expect(() => postgresConnection('postgres://u@db/cowrie?pool=0')).toThrow(/\?pool= expects 1–100/);
    expect(() => postgresConnection('postgres://u@db/cowrie?pool=lots')).toThrow(/\?pool= expects 1–100/);
  });

  it('Redis: commands pipelined automatically, blocking reads on their own', () => {
    const c = redisConnection('redis://:secret@cache:6380/2?prefix=p1');
    expect(c.prefix).toBe('p1');
    expect(c.connection).toMatchObject({ host: 'cache', port: 6380, db: 2, password: 'secret', enableAutoPipelining: true, maxRetriesPerRequest: null });
    expect((c.connection as { autoPipeliningIgnoredCommands: string[] }).autoPipeliningIgnoredCommands).toEqual(expect.arrayContaining(['bzpopmin', 'xread']));
  });
});
