import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseKey, singular } from './words.ts';

describe('singular', () => {
  it.each([
    ['Inboxes', 'inbox'], ['inbox', 'inbox'], ['indexes', 'index'], ['Redis', 'redis'], ['deliveries', 'delivery'],
    ['caches', 'cache'], ['cache', 'cache'], ['matches', 'match'], ['pushes', 'push'], ['statuses', 'status'],
    ['status', 'status'], ['analysis', 'analysis'], ['videos', 'video'], ['keys', 'key'], ['replicas', 'replica'],
    ['addresses', 'address'], ['queries', 'query'], ['movies', 'movie'], ['databases', 'database'], ['responses', 'response'],
    ['orders', 'order'], ['buses', 'bus'], ['news', 'news'], ['gateways', 'gateway'], ['leaves', 'leaf'],
  ])('%s -> %s', (word, expected) => {
    expect(singular(word)).toBe(expected);
  });

  it('gives a plural and its singular the same key for regular nouns', () => {
    const noun = fc.stringMatching(/^[a-z]{3,9}[bdfgklmnprt]$/);
    fc.assert(fc.property(noun, (w) => singular(`${w}s`) === singular(w)), { seed: 7, numRuns: 500 });
  });

  it('compares phrases word by word', () => {
    expect(phraseKey('Socket Gateways')).toBe(phraseKey('socket-gateway'));
    expect(phraseKey('Order history service')).toBe('order history service');
  });
});
