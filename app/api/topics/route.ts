import { listingEndpoint } from '@/app/api/_http/listing';
import { topicListing } from '@/lib/listings/topics';

export const GET = listingEndpoint(topicListing);
