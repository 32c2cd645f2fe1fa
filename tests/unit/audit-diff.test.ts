import { describe, expect, it } from 'vitest';
import { fieldChanges, valueText } from '@/lib/audit-diff';

describe('fieldChanges', () => {
  it.each([
    ['an update: only the changed fields, bookkeeping left out', { id: 1, version: 1, name: 'A', aliases: ['x'] }, { id: 1, version: 2, name: 'B', aliases: ['x'] }, [{ field: 'name', before: 'A', after: 'B' }]],
    ['a creation: every field set', null, { id: 3, version: 1, position: -1, evidence: [4, 5] }, [
      { field: 'position', before: null, after: '-1' },
      { field: 'evidence', before: null, after: '4, 5' },
    ]],
    ['lists compared by value', { evidence: [1, 2] }, { evidence: [1, 2, 3] }, [{ field: 'evidence', before: '1, 2', after: '1, 2, 3' }]],
    ['a field cleared', { deletedAt: null, url: 'https://a.example' }, { deletedAt: '2025-01-01T00:00:00Z', url: null }, [
      { field: 'deletedAt', before: null, after: '2025-01-01T00:00:00Z' },
      { field: 'url', before: 'https://a.example', after: null },
    ]],
    ['nothing changed', { name: 'A', version: 1 }, { name: 'A', version: 2 }, []],
    ['not records at all', 'x', 7, []],
  ])('%s', (_name, before, after, expected) => {
    expect(fieldChanges(before, after)).toEqual(expected);
  });

  it('shows nested values as JSON text, never markup', () => {
    expect(valueText({ a: '<b>' })).toBe('{"a":"<b>"}');
    expect(valueText(false)).toBe('false');
  });
});
