// Each listing's sorts read their own index in order: no full scan, no temporary B-tree for the
// ORDER BY, on the first page and after a cursor, at a few thousand rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPlan } from '@/db/sqlite/plan';
import { readPage, pageStatement } from '@/lib/listing/runner';
import type { AnyListing } from '@/lib/listing/types';
import { actorListing } from '@/lib/listings/actors';
import { quoteListing } from '@/lib/listings/quotes';
import { sourceListing } from '@/lib/listings/sources';
import { stanceListing } from '@/lib/listings/stances';
import { topicListing } from '@/lib/listings/topics';
import { auditListing } from '@/lib/listings/audit';
import { reviewListing } from '@/lib/listings/review';
import { userListing } from '@/lib/listings/users';
import { fillBulk } from '@/tests/support/bulk';
import { createTestDb, type TestDb } from '@/tests/support/db';
import { parseChecked } from '@/tests/support/listing';

let test: TestDb;
beforeAll(() => {
  test = createTestDb({ seed: false });
  fillBulk(test.db);
  // Work for the review queue and a history for the audit log, at volume too.
  test.db.$client.exec(`update quotes set review_state = 'suggested', confidence = (id % 97) / 100.0 where id % 4 = 0`);
  test.db.$client.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)
    insert into audit_log (at, user_id, who, role, door, action, record_type, record_id, before, after)
    select strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || i || ' minutes'), 'u' || (i % 7), 'user' || (i % 7) || '@x', 'analyst', 'api-token', 'stance:update', 'stance', cast(i % 300 as text), '{}', '{}' from n`);
  test.db.$client.exec('analyze');
});
afterAll(() => test.cleanup());

const SPECS: Record<string, AnyListing> = {
  stances: stanceListing,
  quotes: quoteListing,
  sources: sourceListing,
  actors: actorListing,
  topics: topicListing,
  review: reviewListing,
  audit: auditListing,
  users: userListing,
};
const cases = Object.entries(SPECS).flatMap(([name, spec]) => Object.entries(spec.sorts).flatMap(([sort, def]) => [`${sort}`, `-${sort}`].map((param) => [name, param, def.index] as const)));

function planOf(spec: AnyListing, query: string): string[] {
  const { request, errors } = parseChecked(spec, query, test.db);
  expect(errors).toEqual([]);
  const statement = pageStatement(spec, request, test.db);
  return queryPlan(test.db.$client, statement.sql, statement.params);
}

describe('query plans', () => {
  it('has volume to plan for', () => {
    expect(test.db.$client.prepare('select count(*) from quotes').pluck().get()).toBeGreaterThanOrEqual(3000);
  });

  it.each(cases)('%s sort=%s reads %s, without a temporary B-tree', (name, sort, index) => {
    const spec = SPECS[name]!;
    const first = planOf(spec, `sort=${sort}&limit=20`);
    const page = readPage(spec, parseChecked(spec, `sort=${sort}&limit=20`, test.db).request, test.db);
    const next = page.nextCursor ? planOf(spec, `sort=${sort}&limit=20&cursor=${page.nextCursor}`) : first;
    for (const plan of [first, next]) {
      const outer = plan[0]!;
      expect(outer, plan.join('\n')).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('filters a common country through the country index, in date order', () => {
    const plan = planOf(quoteListing, 'country=US&limit=20');
    expect(plan[0]).toMatch(/USING (COVERING )?INDEX quotes_by_country_idx/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('reads one record’s audit history through the record index, newest first', () => {
    const plan = planOf(auditListing, 'type=stance&record=12&limit=20');
    expect(plan[0]).toMatch(/USING INDEX audit_log_record_idx \(record_type=\? AND record_id=\?\)/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('filters stances of two countries through the country index', () => {
    const plan = planOf(stanceListing, 'country=HU&country=SK&limit=20');
    expect(plan[0]).toMatch(/USING INDEX stances_by_country_idx \(country_key=\?/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
