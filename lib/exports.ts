// Column layouts for CSV exports, shared by the API and the page export links.
import type { CsvColumn } from './csv';
import type { SourceSummary, ActorSummary } from './queries/catalog';
import type { QuoteItem } from './queries/quotes';
import type { StanceItem } from './queries/stances';
import type { TopicSummary } from './queries/catalog';

export const stanceCsv: CsvColumn<StanceItem>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'actor', value: (s) => s.actor.slug },
  { header: 'actorName', value: (s) => s.actor.name },
  { header: 'countryCode', value: (s) => s.actor.countryCode },
  { header: 'topic', value: (s) => s.topic.slug },
  { header: 'position', value: (s) => s.position },
  { header: 'label', value: (s) => s.label },
  { header: 'confidence', value: (s) => s.confidence },
  { header: 'asOf', value: (s) => s.asOf },
  { header: 'summary', value: (s) => s.summary },
  { header: 'evidence', value: (s) => s.evidence.join(' ') },
];

export const quoteCsv: CsvColumn<QuoteItem>[] = [
  { header: 'id', value: (q) => q.id },
  { header: 'kind', value: (q) => q.kind },
  { header: 'text', value: (q) => q.text },
  { header: 'speaker', value: (q) => q.speaker?.slug },
  { header: 'speakerLabel', value: (q) => q.speakerLabel },
  { header: 'speakerCountryCode', value: (q) => q.speaker?.countryCode },
  { header: 'saidAt', value: (q) => q.saidAt },
  { header: 'sourceId', value: (q) => q.sourceId },
  { header: 'start', value: (q) => q.start },
  { header: 'end', value: (q) => q.end },
  { header: 'stances', value: (q) => q.citedBy.map((c) => c.stanceId).join(' ') },
];

export const sourceCsv: CsvColumn<SourceSummary>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'title', value: (s) => s.title },
  { header: 'publisher', value: (s) => s.publisher },
  { header: 'url', value: (s) => s.url },
  { header: 'publishedAt', value: (s) => s.publishedAt },
  { header: 'originalPublisher', value: (s) => s.originalPublisher },
  { header: 'originalPublishedAt', value: (s) => s.originalPublishedAt },
  { header: 'bodySha256', value: (s) => s.bodySha256 },
  { header: 'quoteCount', value: (s) => s.quoteCount },
];

export const actorCsv: CsvColumn<ActorSummary>[] = [
  { header: 'slug', value: (a) => a.slug },
  { header: 'name', value: (a) => a.name },
  { header: 'kind', value: (a) => a.kind },
  { header: 'countryCode', value: (a) => a.countryCode },
  { header: 'organisation', value: (a) => a.organisation?.slug },
  { header: 'natoAccessionYear', value: (a) => a.natoAccessionYear },
  { header: 'stanceCount', value: (a) => a.stanceCount },
  { header: 'quoteCount', value: (a) => a.quoteCount },
];

export const topicCsv: CsvColumn<TopicSummary>[] = [
  { header: 'slug', value: (t) => t.slug },
  { header: 'title', value: (t) => t.title },
  { header: 'question', value: (t) => t.question },
  ...([0, 1, 2, 3, 4] as const).map((i) => ({ header: `label${i - 2 >= 0 ? '+' : ''}${i - 2}`, value: (t: TopicSummary) => t.scaleLabels[i] })),
  { header: 'stanceCount', value: (t) => t.stanceCount },
];
