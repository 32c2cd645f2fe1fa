// What the benchmark requests, chosen from the data so that it means the same at any scale: the
// topic with the most stances, the source with the most quotes, the most common search term and
// one that occurs in a few dozen quotes, and a date range that holds about 100,000 quotes.
import Database from 'better-sqlite3';

export type Target = {
  /** Stable name, used as the key in --json output. */
  name: string;
  path: string;
  note: string;
  /** The streaming export: measured with fewer samples and the server's memory sampled. */
  export?: boolean;
  /** The status that counts as success, when not 2xx (the 404 page). */
  expectStatus?: number;
};

export type Targets = {
  pages: Target[];
  /** Candidates for the app's cheapest request, the fixed cost every floor includes. */
  baselines: Target[];
  throughputMix: string[];
  facts: { quotes: number; topic: string; sourceId: number; sourceQuotes: number; commonTerm: string; commonDocs: number; rareTerm: string; rareDocs: number; exportFrom: string; exportTo: string; exportRows: number };
};

export const EXPORT_ROWS = 100_000;

export function chooseTargets(databasePath: string): Targets {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const get = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const quotes = get<{ n: number }>(`select count(*) as n from quotes`).n;
    const topic = get<{ slug: string } | undefined>(`select t.slug from stances s join topics t on t.id = s.topic_id group by s.topic_id order by count(*) desc, t.slug limit 1`)?.slug;
    if (!topic) throw new Error(`${databasePath} has no stances to benchmark`);
    const source = get<{ id: number; n: number }>(`select source_id as id, count(*) as n from quotes group by source_id order by n desc, source_id limit 1`);

    // Search terms from the full-text index's own vocabulary (fts5vocab, a temporary table).
    db.exec(`CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, quotes_fts, row)`);
    const words = `term glob '[a-z][a-z][a-z][a-z]*' and term not glob '*[^a-z]*'`;
    const common = get<{ term: string; doc: number }>(`select term, doc from temp.bench_vocab where ${words} order by doc desc, term limit 1`);
    const rare = get<{ term: string; doc: number }>(`select term, doc from temp.bench_vocab where ${words} and length(term) >= 5 order by abs(doc - 30), term limit 1`);

    // The newest ~100,000 accepted, dated quotes: from the date of the 100,000th newest to the last.
    const to = get<{ d: string | null }>(`select max(date_key) as d from quotes where review_state = 'accepted'`).d ?? '';
    const fromRow = get<{ d: string } | undefined>(
      `select date_key as d from quotes where review_state = 'accepted' and date_key <> '' order by date_key desc limit 1 offset ?`,
      EXPORT_ROWS - 1,
    );
    const from = fromRow?.d ?? get<{ d: string }>(`select min(date_key) as d from quotes where review_state = 'accepted' and date_key <> ''`).d;
    const exportRows = get<{ n: number }>(`select count(*) as n from quotes where review_state = 'accepted' and date_key between ? and ?`, from, to).n;

    const q = (term: string) => encodeURIComponent(term);
    return {
      pages: [
        { name: 'overview', path: '/', note: 'the overview' },
        { name: 'stances-two-countries', path: '/stances?country=HU&country=SK', note: 'stance table, Hungary and Slovakia' },
        { name: 'actor-page', path: '/actors/united-states', note: 'the United States' },
        { name: 'topic-page', path: `/topics/${topic}`, note: 'the topic with the most stances' },
        { name: 'source-page', path: `/sources/${source.id}`, note: `the source with the most quotes (${source.n})` },
        { name: 'search-common', path: `/quotes?q=${q(common.term)}`, note: `"${common.term}", in ${common.doc} quotes` },
        { name: 'search-rare', path: `/quotes?q=${q(rare.term)}`, note: `"${rare.term}", in ${rare.doc} quotes` },
        { name: 'api-quotes-filtered', path: '/api/quotes?country=US&kind=direct&limit=100', note: 'JSON, 100 US direct quotes' },
        {
          name: 'csv-export',
          path: `/api/quotes?format=csv&limit=all&from=${from}&to=${to}`,
          note: `CSV of the ${exportRows} accepted quotes dated ${from}..${to}`,
          export: true,
        },
      ],
      baselines: [
        { name: 'health', path: '/api/health', note: 'the health check' },
        { name: 'not-found-page', path: '/bench-no-such-page', note: 'the 404 page (layout, no data)', expectStatus: 404 },
      ],
      throughputMix: ['/', '/stances?country=HU&country=SK', '/api/quotes?limit=100', '/sources/2'],
      facts: {
        quotes,
        topic,
        sourceId: source.id,
        sourceQuotes: source.n,
        commonTerm: common.term,
        commonDocs: common.doc,
        rareTerm: rare.term,
        rareDocs: rare.doc,
        exportFrom: from,
        exportTo: to,
        exportRows,
      },
    };
  } finally {
    db.close();
  }
}
