import { describe, expect, it } from 'vitest';
import { isCi } from '../support/dialects.js';

// The test support's reading of CI decides whether COWRIE_TEST_PG=off may leave PostgreSQL out.
describe('isCi (test support)', () => {
  it.each([['true'], ['1'], ['yes'], ['TRUE'], ['github-actions'], [' true ']])('CI=%j counts as CI', (v) => {
    expect(isCi({ CI: v })).toBe(true);
  });
  it.each([[undefined], [''], ['  '], ['false'], ['FALSE'], ['0']])('CI=%j does not', (v) => {
    expect(isCi(v === undefined ? {} : { CI: v })).toBe(false);
  });
});
