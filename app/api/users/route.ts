import { listingEndpoint } from '@/app/api/_http/listing';
import { writeRoute } from '@/app/api/_http/write';
import { userListing } from '@/lib/listings/users';
import { createUser } from '@/lib/write/operations';

/** Accounts: admins only. */
export const GET = listingEndpoint(userListing, 'admin');
export const POST = writeRoute('user:create', () => createUser(), { created: true });
