import { listingEndpoint } from '@/app/api/_http/listing';
import { reviewListing } from '@/lib/listings/review';

/** Suggested quotes, doubtful first: analysts and admins. */
export const GET = listingEndpoint(reviewListing, 'analyst');
