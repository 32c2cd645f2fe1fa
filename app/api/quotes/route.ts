import { listingEndpoint } from '@/app/api/_http/listing';
import { quoteListing } from '@/lib/listings/quotes';

export const GET = listingEndpoint(quoteListing);
