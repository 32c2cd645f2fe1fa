// The shape of the data-safety commands: output lines on stdout, a refusal as one line on stderr.
// Exit codes: 0 done, 1 refused or failed (nothing changed), 2 usage error.
import { SafekeepingError } from '@/db/sqlite/backup/inspect';

/** The command line itself is wrong; the usage line is printed with it. */
export class UsageError extends Error {}

export function runCommand(usage: string, run: (argv: string[]) => Promise<string[]>): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  run(argv).then(
    (lines) => {
      for (const line of lines) console.log(line);
    },
    (error: unknown) => {
      // parseArgs reports an unknown option or a missing value as a TypeError with a code.
      const isUsage = error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
      if (isUsage) {
        console.error(`${(error as Error).message}\n${usage}`);
        process.exitCode = 2;
      } else {
        console.error(error instanceof SafekeepingError ? error.message : `Failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    },
  );
}
