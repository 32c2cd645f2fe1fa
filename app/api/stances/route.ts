import { listingEndpoint } from '@/app/api/_http/listing';
import { stanceListing } from '@/lib/listings/stances';

export const GET = listingEndpoint(stanceListing);
