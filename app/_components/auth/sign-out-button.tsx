// Ends the session (in the database and the browser), then shows the front page as an anonymous reader.
import { signOut } from '@/app/_actions/auth';

export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="btn-secondary">
        Sign out
      </button>
    </form>
  );
}
