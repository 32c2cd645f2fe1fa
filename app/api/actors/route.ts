import { listingEndpoint } from '@/app/api/_http/listing';
import { actorListing } from '@/lib/listings/actors';

export const GET = listingEndpoint(actorListing);
