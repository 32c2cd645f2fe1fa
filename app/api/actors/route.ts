import { listingEndpoint } from '@/app/api/_http/listing';
import { writeRoute } from '@/app/api/_http/write';
import { actorListing } from '@/lib/listings/actors';
import { createActor } from '@/lib/write/operations';

export const GET = listingEndpoint(actorListing);
export const POST = writeRoute('actor:create', () => createActor(), { created: true });
