import { describe, expect, it } from 'vitest';
import { dateNear } from '@/lib/extract/dates';
import { extract, quoteStarting } from './helpers';

describe('saidAt resolves into the past against the publication date', () => {
  it.each<[string, string | null, string | null]>([
    ['said on Tuesday', '2025-03-19', '2025-03-18'],
    ['said on Friday', '2025-03-19', '2025-03-14'],
    ['said on Wednesday', '2025-03-19', '2025-03-19'],
    ['said on March 25', '2025-03-19', '2024-03-25'],
    ['said yesterday', '2025-01-01', '2024-12-31'],
    ['told reporters last week', '2025-03-19', '2025-03-12'],
    ['said on Tuesday', null, null],
    ['said on 3 March 2024', null, '2024-03-03'],
    ['said at 3 pm', '2025-03-19', null],
    ['said it', '2025-03-19', null],
  ])('%s (published %s)', (text, published, expected) => {
    expect(dateNear(text, 0, published)).toBe(expected);
  });

  it('takes the date next to the cue, not one inside the quote', () => {
    const body = 'Peskov said on Monday: “The talks of next Friday will decide everything for us.”';
    expect(quoteStarting(extract(body, { publishedAt: '2025-04-23' }), 'The talks').saidAt).toBe('2025-04-21');
  });
});
