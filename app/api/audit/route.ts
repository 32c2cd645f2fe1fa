import { listingEndpoint } from '@/app/api/_http/listing';
import { auditListing } from '@/lib/listings/audit';

/** The audit log, newest first: analysts and admins. */
export const GET = listingEndpoint(auditListing, 'analyst');
