import { listingEndpoint } from '@/app/api/_http/listing';
import { sourceListing } from '@/lib/listings/sources';

export const GET = listingEndpoint(sourceListing);
