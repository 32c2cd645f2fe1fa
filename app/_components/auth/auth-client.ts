'use client';
// better-auth's own client: signs in and out through its standard endpoints under /api/auth, so
// sign-in is rate-limited and logged exactly as for scripts.
import { createAuthClient } from 'better-auth/client';

export const authClient = createAuthClient({ basePath: '/api/auth' });
