// Ends a statement once a time budget is spent: better-sqlite3 has no progress handler, so the
// statement calls `within_budget()` for every row it considers and the function throws when the
// deadline has passed. Used for optional work (facet counts) that must never delay a page.
import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';

const registered = new WeakSet<Database.Database>();
let deadline = Number.POSITIVE_INFINITY;
const BUDGET_SPENT = 'standpoint: time budget spent';

export class BudgetSpentError extends Error {
  constructor() {
    super('time budget spent');
    this.name = 'BudgetSpentError';
  }
}

function register(client: Database.Database): void {
  if (registered.has(client)) return;
  // Not deterministic: SQLite must call it for every row, never hoist it out of the loop.
  client.function('within_budget', { deterministic: false }, () => {
    if (performance.now() > deadline) throw new Error(BUDGET_SPENT);
    return 1;
  });
  registered.add(client);
}

/** The condition to AND into a statement run under `withinBudget`. */
export const budgetCondition: SQL = sql`within_budget()`;

/**
 * Runs `work` (synchronous statements that include `budgetCondition`) with `ms` to spend;
 * throws BudgetSpentError when the budget runs out.
 */
export function withinBudget<T>(client: Database.Database, ms: number, work: () => T): T {
  register(client);
  deadline = performance.now() + ms;
  try {
    return work();
  } catch (error) {
    if (error instanceof Error && error.message.includes(BUDGET_SPENT)) throw new BudgetSpentError();
    throw error;
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
}
