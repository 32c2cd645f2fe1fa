import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { FilterErrors } from '@/app/_components/listing/chrome';
import { HighlightedBody } from '@/app/_components/highlighted-body';
import { RecordHistory } from '@/app/_components/record-history';
import { getViewer } from '@/app/_lib/session';
import { CitationList } from '@/app/_components/citation-list';
import { KindTag } from '@/app/_components/position-badge';
import { quoteText } from '@/app/_components/text';
import { formatDate } from '@/lib/dates';
import { parseSourceId } from '@/lib/ids';
import { getSource } from '@/lib/queries/catalog';
import { getSourceQuotes } from '@/lib/queries/source-quotes';
import { actorHref, quoteInSourceHref } from '@/lib/urls';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const quoteParam = z.coerce.number().int().positive();

async function loadSource(raw: string) {
  const id = parseSourceId(raw);
  return id === null ? null : getSource(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).id);
  return { title: source ? source.title : 'Source not found' };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const source = await loadSource((await params).id);
  if (!source) notFound();
  const rawQuote = (await searchParams).quote;
  const parsedQuote = rawQuote === undefined ? null : quoteParam.safeParse(rawQuote);
  const quotes = await getSourceQuotes(source.id);
  const viewer = await getViewer();
  const activeQuoteId = parsedQuote?.success ? parsedQuote.data : null;
  const errors = [];
  if (parsedQuote && !parsedQuote.success) errors.push({ param: 'quote', message: `${JSON.stringify(rawQuote)} is not a quote id` });
  else if (activeQuoteId !== null && !quotes.some((q) => q.id === activeQuoteId)) {
    errors.push({ param: 'quote', message: `quote ${activeQuoteId} is not an accepted quote of this source` });
  }

  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <a href="/sources">Sources</a> › Article #{source.id}
        </p>
        <h1 className="text-2xl font-bold">{source.title}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Publisher</dt>
          <dd>
            {source.publisher}
            {source.originalPublisher ? `, reporting ${source.originalPublisher}` : ''}
            {source.dateline ? ` · dateline “${source.dateline}”` : ''}
          </dd>
          <dt className="font-medium">Published</dt>
          <dd>
            {source.publishedAt ? <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time> : <strong>date unknown</strong>}
            {source.originalPublishedAt && (
              <>
                {' '}
                · original {source.originalPublisher ?? 'article'} of <time dateTime={source.originalPublishedAt}>{formatDate(source.originalPublishedAt)}</time>
              </>
            )}
          </dd>
          {source.dateNote && (
            <>
              <dt className="font-medium">Note</dt>
              <dd>{source.dateNote}</dd>
            </>
          )}
          <dt className="font-medium">Original</dt>
          <dd>{source.url ? <a href={source.url} rel="noopener noreferrer nofollow">{source.url}</a> : 'URL not known'}</dd>
          <dt className="font-medium">Text</dt>
          <dd className="break-all">
            {source.bodyLength} characters as received · SHA-256 <code className="text-xs">{source.bodySha256}</code> ·{' '}
            <a href={`/api/sources/${source.id}`}>JSON</a>
          </dd>
        </dl>
        {viewer.can('quote:accept') && (
          <p className="flex flex-wrap gap-3 pt-1" data-testid="edit-controls">
            <a href={`/review?source=${source.id}&sort=source`} className="btn-secondary">
              Review this article&apos;s suggestions
            </a>
          </p>
        )}
      </header>
      <FilterErrors errors={errors} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="article-text" className="card">
          <h2 id="article-text" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700">
            Article as received
          </h2>
          <p className="mb-3 flex flex-wrap gap-3 text-xs text-slate-700">
            <span>
              <span className="quote-mark" data-kind="direct">Amber</span>: direct quote
            </span>
            <span>
              <span className="quote-mark" data-kind="reported">Blue</span>: reported statement
            </span>
            <span>
              <span className="quote-mark" data-active="true">Outlined</span>: the quote you followed
            </span>
          </p>
          <HighlightedBody body={source.body} quotes={quotes} activeQuoteId={activeQuoteId} />
        </section>
        <section aria-labelledby="coded-quotes" className="space-y-3">
          <h2 id="coded-quotes" className="text-lg font-semibold">
            {quotes.length} accepted {quotes.length === 1 ? 'quote' : 'quotes'}
          </h2>
          <ol className="space-y-3">
            {quotes.map((q) => (
              <li key={q.id} id={`quote-${q.id}-details`} className={`card space-y-1 text-sm ${q.id === activeQuoteId ? 'ring-2 ring-amber-500' : ''}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <KindTag kind={q.kind} />
                  <span className="font-medium">
                    {q.speaker ? <a href={actorHref(q.speaker.slug)}>{q.speakerLabel}</a> : q.speakerLabel}
                  </span>
                  <span className="text-xs text-slate-700">{q.saidAt ? `said ${formatDate(q.saidAt)}` : 'date said unknown'}</span>
                </div>
                <p className="line-clamp-3 text-slate-800">{quoteText(q)}</p>
                {/* The accessible name starts with the visible words (WCAG 2.5.3, Label in Name). */}
                <a href={quoteInSourceHref(source.id, q.id)} className="text-xs">
                  Show in text (characters {q.start}–{q.end})<span className="sr-only">, quote {q.id}</span>
                </a>
                <CitationList citations={q.citedBy} camps={q.camps} className="pt-1" />
              </li>
            ))}
          </ol>
        </section>
      </div>
      {viewer.can('source:create') && <RecordHistory type="source" id={source.id} name={`article ${source.id}`} />}
    </>
  );
}
