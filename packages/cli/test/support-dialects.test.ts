import { describe, expect, it } from 'vitest';
import { isCi, testDialects } from './support/dialects.js';

// COWRIE_TEST_PG=off leaves PostgreSQL out locally (loudly) and is refused under CI, as in core.
describe('CLI test dialects', () => {
  it.each([['true'], ['1'], ['yes'], ['github-actions']])('CI=%j counts as CI', (v) => {
    expect(isCi({ CI: v })).toBe(true);
  });
  it.each([[undefined], [''], ['false'], ['0']])('CI=%j does not', (v) => {
    expect(isCi(v === undefined ? {} : { CI: v })).toBe(false);
  });
  it('runs both dialects unless COWRIE_TEST_PG=off, which CI refuses', () => {
    expect(testDialects({})).toEqual(['sqlite', 'postgres']);
    expect(testDialects({ COWRIE_TEST_PG: 'on', CI: '1' })).toEqual(['sqlite', 'postgres']);
    expect(testDialects({ COWRIE_TEST_PG: 'off', CI: 'false' })).toEqual(['sqlite']);
    expect(() => testDialects({ COWRIE_TEST_PG: 'off', CI: '1' })).toThrow(/not allowed in CI/);
  });
});
