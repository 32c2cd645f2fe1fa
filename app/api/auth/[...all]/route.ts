import { authHandler } from '@/lib/auth/route';

// better-auth's own endpoints: POST /api/auth/sign-in/email, POST /api/auth/sign-out,
// GET /api/auth/get-session, … (sign-up is disabled: admins create accounts).
export const GET = authHandler;
export const POST = authHandler;
