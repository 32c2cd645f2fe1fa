import { describe, expect, it } from 'vitest';
import { campComposition, positionsByTopic } from '@/lib/aggregate';

describe('positionsByTopic', () => {
  it('counts latest stances per topic and position, with zeros where none', () => {
    const topics = [
      { slug: 'a', title: 'Topic A' },
      { slug: 'b', title: 'Topic B' },
    ];
    const latest = [
      { topic: { slug: 'a' }, position: 2 },
      { topic: { slug: 'a' }, position: 2 },
      { topic: { slug: 'a' }, position: -1 },
    ];
    expect(positionsByTopic(topics, latest)).toEqual([
      { topic: 'Topic A', '−2': 0, '−1': 1, '0': 0, '+1': 0, '+2': 2 },
      { topic: 'Topic B', '−2': 0, '−1': 0, '0': 0, '+1': 0, '+2': 0 },
    ]);
  });
});

describe('campComposition', () => {
  it('counts named allies per camp and the allies named in none, ignoring non-allies', () => {
    const camps = [
      { name: 'Engage', topic: { title: 'Contacts' }, members: [{ actor: { slug: 'hu' } }, { actor: { slug: 'sk' } }] },
      { name: 'Unnamed', topic: { title: 'Strategy' }, members: [] },
      { name: 'Push', topic: { title: 'Strategy' }, members: [{ actor: { slug: 'us' } }, { actor: { slug: 'nato' } }] },
    ];
    expect(campComposition(camps, ['hu', 'sk', 'us', 'fr'])).toEqual([
      { name: 'Engage (Contacts)', members: 2 },
      { name: 'Push (Strategy)', members: 1 },
      { name: 'In no named camp', members: 1 },
    ]);
  });
});
