import type { Metadata } from 'next';
import { ActiveFilters, FilterErrors, SortLinks, totalText } from '@/app/_components/listing/chrome';
import { ReviewArticle } from '@/app/_components/review/review-article';
import { ReviewDecision } from '@/app/_components/review/review-decision';
import { ReviewShortcuts } from '@/app/_components/review/review-shortcuts';
import { SpanEditor } from '@/app/_components/review/span-editor';
import { SpeakerEditor } from '@/app/_components/review/speaker-editor';
import { SavedNotice } from '@/app/_components/saved-notice';
import { requireAnalyst } from '@/app/_lib/session';
import { formatDate } from '@/lib/dates';
import { loadListingView, sortParamOf, viewParams } from '@/lib/listing/view';
import { reviewListing } from '@/lib/listings/review';
import { actorChoice } from '@/lib/queries/pickers';
import { getReviewQuote, type ReviewQuote } from '@/lib/queries/review-quote';
import { href } from '@/lib/urls';

export const metadata: Metadata = { title: 'Review queue' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ID = /^[1-9]\d{0,15}$/;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : null);
const percent = (confidence: number | null) => (confidence === null ? 'no confidence given' : `${Math.round(confidence * 100)}% sure of the speaker`);

const DONE_WORDS: Record<string, string> = { accepted: 'accepted', rejected: 'rejected', span: 'span corrected', details: 'speaker and kind saved' };

/**
 * The review queue: suggested quotes, the most doubtful first, one at a time beside the article
 * it comes from. `quote` picks the item; the other parameters are the review listing's.
 */
export default async function ReviewPage({ searchParams }: Props) {
  const raw = await searchParams;
  await requireAnalyst(href('/review', raw));
  const view = await loadListingView(reviewListing, raw);
  const items = view.page.items;

  // The queue's own parameters (filters, sort, page), which every link and decision keeps.
  const queue = viewParams(reviewListing, view);
  const sort = sortParamOf(view.request);
  if (sort) queue.set('sort', sort);
  if (view.request.cursor) queue.set('cursor', view.request.cursor);
  const itemHref = (id: number) => href('/review', new URLSearchParams([...queue, ['quote', String(id)]]));

  const requested = one(raw.quote);
  const currentId = requested && ID.test(requested) ? Number(requested) : (items[0]?.id ?? null);
  const current = currentId === null ? null : getReviewQuote(currentId);
  const index = current ? items.findIndex((i) => i.id === current.id) : -1;
  const previous = index > 0 ? items[index - 1]!.id : null;
  const next = index >= 0 ? (items[index + 1]?.id ?? null) : (items.find((i) => i.id !== current?.id)?.id ?? null);

  const done = one(raw.done);
  const doneMatch = done ? /^(accepted|rejected|span|details)-([1-9]\d{0,15})$/.exec(done) : null;
  const decided = doneMatch?.[1] === 'accepted' ? getReviewQuote(Number(doneMatch[2])) : null;

  return (
    <>
      <ReviewShortcuts />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Review queue</h1>
        <p className="text-sm">
          {totalText(view.total, reviewListing.noun)} {view.filtered ? 'match these filters' : 'wait for review'}. Accepted quotes become evidence;
          rejected ones are kept and never suggested again.
        </p>
        <section aria-labelledby="shortcuts-heading" className="text-sm">
          <h2 id="shortcuts-heading" className="sr-only">
            Keyboard shortcuts
          </h2>
          <p className="flex flex-wrap gap-x-4 gap-y-1" data-testid="shortcuts">
            <span>Keyboard:</span>
            <span>
              <kbd>a</kbd> accept
            </span>
            <span>
              <kbd>r</kbd> reject
            </span>
            <span>
              <kbd>j</kbd> next quote
            </span>
            <span>
              <kbd>k</kbd> previous quote
            </span>
            <span className="text-slate-700">(not while typing in a field)</span>
          </p>
        </section>
      </header>

      <ActiveFilters path="/review" chips={view.chips} sort={sort} />
      <FilterErrors errors={view.errors} />
      {doneMatch && (
        <SavedNotice key={done}>
          Quote {doneMatch[2]} {DONE_WORDS[doneMatch[1]!]}.
          {decided && (
            <>
              {' '}
              <a href={href('/stances/new', { evidence: decided.id, actor: decided.speaker?.confirmed ? decided.speaker.slug : null })}>Code a stance citing quote {decided.id}</a>
            </>
          )}
        </SavedNotice>
      )}

      {items.length === 0 && !current ? (
        <p className="card text-sm">
          No suggested quote waits for review{view.filtered ? ' among these' : ''}. <a href="/sources/new">Add sources</a> to get suggestions.
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,5fr)]">
          <nav aria-labelledby="queue-heading" className="space-y-2">
            <h2 id="queue-heading" className="text-lg font-semibold">
              Queue
            </h2>
            <SortLinks path="/review" params={viewParams(reviewListing, view)} order={view.page.order} sorts={Object.entries(reviewListing.sorts).map(([key, s]) => ({ key, label: s.label }))} label="Queue order" />
            <ol className="max-h-[70vh] space-y-1 overflow-y-auto pr-1" data-testid="review-queue">
              {items.map((item) => (
                <li key={item.id}>
                  <a
                    href={itemHref(item.id)}
                    aria-current={item.id === current?.id ? 'true' : undefined}
                    className={`block rounded border p-2 text-sm no-underline ${item.id === current?.id ? 'border-blue-700 bg-blue-50 text-slate-900' : 'border-slate-200 bg-white text-slate-900 hover:border-slate-400'}`}
                  >
                    <span className="line-clamp-2 font-serif">“{item.text}”</span>
                    <span className="block text-xs text-slate-700">
                      {item.speaker?.name ?? item.speakerLabel} · {percent(item.confidence)} · {item.source.title}
                    </span>
                  </a>
                </li>
              ))}
            </ol>
            {view.page.nextCursor && (
              <p className="text-sm">
                <a href={href('/review', new URLSearchParams([...viewParams(reviewListing, view), ...(sort ? [['sort', sort]] : []), ['cursor', view.page.nextCursor]]))}>Next page of the queue</a>
              </p>
            )}
          </nav>

          {current ? <CurrentQuote quote={current} back={queue.toString()} next={next} previousHref={previous ? itemHref(previous) : null} nextHref={next ? itemHref(next) : null} /> : <p className="card text-sm">Quote {requested} does not exist or has been deleted.</p>}
        </div>
      )}
    </>
  );
}

function CurrentQuote({ quote, back, next, previousHref, nextHref }: { quote: ReviewQuote; back: string; next: number | null; previousHref: string | null; nextHref: string | null }) {
  const speaker = quote.speaker ? actorChoice(quote.speaker.slug) : null;
  return (
    <section aria-labelledby="current-heading" className="space-y-4" data-testid="current-quote">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="current-heading" className="text-lg font-semibold">
          Quote {quote.id}: {percent(quote.confidence)}
        </h2>
        <nav aria-label="Move through the queue" className="flex gap-3 text-sm">
          {previousHref ? (
            <a id="review-previous" href={previousHref} aria-keyshortcuts="k">
              Previous <kbd aria-hidden="true">k</kbd>
            </a>
          ) : (
            <span className="text-slate-600">No previous quote</span>
          )}
          {nextHref ? (
            <a id="review-next" href={nextHref} aria-keyshortcuts="j">
              Next <kbd aria-hidden="true">j</kbd>
            </a>
          ) : (
            <span className="text-slate-600">No next quote on this page</span>
          )}
        </nav>
      </div>
      <div className="card space-y-2 text-sm">
        {quote.reviewState !== 'suggested' && (
          <p className="font-semibold text-amber-900" role="note">
            This quote is {quote.reviewState} already.
          </p>
        )}
        <blockquote className="border-l-4 border-amber-400 pl-3 font-serif text-base" data-testid="current-quote-text">
          {quote.text}
        </blockquote>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Kind</dt>
          <dd>{quote.kind === 'direct' ? 'direct quote' : 'reported statement'}</dd>
          <dt className="font-medium">Speaker</dt>
          <dd>
            {quote.speaker ? (
              <>
                {quote.speaker.name}
                {!quote.speaker.confirmed && (
                  <>
                    {' '}
                    (proposed by the extractor, not confirmed yet: <a href={`/actors/${quote.speaker.slug}/edit`}>confirm or correct {quote.speaker.name}</a>)
                  </>
                )}
              </>
            ) : (
              'no actor'
            )}{' '}
            · named in the article as “{quote.speakerLabel}”
          </dd>
          <dt className="font-medium">Said</dt>
          <dd>{quote.saidAt ? formatDate(quote.saidAt) : 'date not given'}</dd>
          <dt className="font-medium">Article</dt>
          <dd>
            <a href={`/sources/${quote.source.id}`}>{quote.source.title}</a> · {quote.source.publisher} · {quote.source.publishedAt ? formatDate(quote.source.publishedAt) : 'date unknown'} · characters {quote.start}–{quote.end}
          </dd>
        </dl>
        <ReviewDecision id={quote.id} version={quote.version} next={next} back={back} reviewState={quote.reviewState} />
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <SpanEditor key={`${quote.id}-${quote.version}`} id={quote.id} version={quote.version} back={back} span={{ start: quote.start, end: quote.end }} title={quote.source.title}>
          <ReviewArticle quote={quote} />
        </SpanEditor>
        <SpeakerEditor key={`${quote.id}-${quote.version}`} id={quote.id} version={quote.version} back={back} speaker={speaker} speakerLabel={quote.speakerLabel} kind={quote.kind} />
      </div>
    </section>
  );
}
