import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../src/events/normalize-message.js';

describe('normalizeMessage', () => {
  it('keeps a non-empty string as is', () => {
    expect(normalizeMessage('login attempt [root/123456] failed')).toBe('login attempt [root/123456] failed');
    expect(normalizeMessage(' ')).toBe(' ');
  });

  it('maps pre-v3.0.6 [] and v3.0.6+ "" (session.params) to null', () => {
    expect(normalizeMessage([])).toBeNull();
    expect(normalizeMessage('')).toBeNull();
  });

  it('maps missing and other types to null', () => {
    expect(normalizeMessage(undefined)).toBeNull();
    expect(normalizeMessage(null)).toBeNull();
    expect(normalizeMessage(['a'])).toBeNull();
    expect(normalizeMessage(42)).toBeNull();
  });
});
