import { listingEndpoint } from '@/app/api/_http/listing';
import { writeRoute } from '@/app/api/_http/write';
import { stanceListing } from '@/lib/listings/stances';
import { createStance } from '@/lib/write/operations';

export const GET = listingEndpoint(stanceListing);
/** A new dated stance, resting on at least one accepted quote. */
export const POST = writeRoute('stance:create', () => createStance(), { created: true });
