// Runs once when the Next server starts, before it handles requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installForbiddenMethodGuard } = await import('./edge/untranslatable-methods');
  installForbiddenMethodGuard();
}
