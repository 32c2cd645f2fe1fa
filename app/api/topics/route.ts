import { listingEndpoint } from '@/app/api/_http/listing';
import { writeRoute } from '@/app/api/_http/write';
import { topicListing } from '@/lib/listings/topics';
import { createTopic } from '@/lib/write/operations';

export const GET = listingEndpoint(topicListing);
export const POST = writeRoute('topic:create', () => createTopic(), { created: true });
