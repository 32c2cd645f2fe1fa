// `npm run user:add`, `npm run token:add`, `npm run token:revoke`: accounts and API tokens from
// the command line, written as the system ("system:cli", door "cli") through the write door,
// so that each is in the audit log. The database is DATABASE_PATH, opened and migrated as at start.
import { parseArgs } from 'node:util';
import type { Db } from '@/db/connection';
import { WriteError } from '@/lib/write/errors';
import { createToken, createUser, revokeTokens } from '@/lib/write/operations';
import { systemWriter } from '@/lib/write/writer';

export type Output = { write(text: string): unknown };
export type AccountCliDeps = { openDb: () => Db; stdout: Output; stderr: Output; readStdin: () => Promise<string> };

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const USAGE = {
  'user:add': 'usage: npm run user:add -- --email E --password P --role viewer|analyst|admin [--name N]\n       (--password - reads the password from stdin)',
  'token:add': 'usage: npm run --silent token:add -- --email E [--name N]\n       prints only the new token; keep it, it is stored hashed and cannot be shown again',
  'token:revoke': 'usage: npm run token:revoke -- --id N | --token T | --email E\n       --email revokes every live token of that user',
} as const;

export type Command = keyof typeof USAGE;

function fail(deps: AccountCliDeps, command: Command, message: string, code: number): number {
  deps.stderr.write(`${command}: ${message}\n${code === EXIT.usage ? `${USAGE[command]}\n` : ''}`);
  return code;
}

async function run(command: Command, values: Record<string, string | undefined>, deps: AccountCliDeps): Promise<number> {
  const db = deps.openDb();
  try {
    const writer = systemWriter(db, 'cli');
    if (command === 'user:add') {
      const password = values.password === '-' ? (await deps.readStdin()).replace(/\r?\n$/, '') : values.password;
      const user = await writer.writeAsync(createUser(), { email: values.email, password, role: values.role, ...(values.name ? { name: values.name } : {}) });
      deps.stdout.write(`created ${user.role} ${user.email} (id ${user.id})\n`);
    } else if (command === 'token:add') {
      const token = writer.write(createToken(), { email: values.email, ...(values.name ? { name: values.name } : {}) });
      deps.stdout.write(`${token.token}\n`);
    } else {
      const input = values.id ? { id: Number(values.id) } : values.token ? { token: values.token } : { email: values.email };
      const revoked = writer.write(revokeTokens(), input);
      deps.stdout.write(`revoked ${revoked.length} token${revoked.length === 1 ? '' : 's'}: ${revoked.map((t) => `${t.id} (${t.email}, ${t.name})`).join(', ')}\n`);
    }
    return EXIT.ok;
  } finally {
    db.$client.close();
  }
}

export async function runAccountCli(command: Command, argv: readonly string[], deps: AccountCliDeps): Promise<number> {
  const options = {
    'user:add': { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    'token:add': { email: { type: 'string' }, name: { type: 'string' } },
    'token:revoke': { id: { type: 'string' }, token: { type: 'string' }, email: { type: 'string' } },
  } as const;
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: { ...options[command], help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    return fail(deps, command, error instanceof Error ? error.message : String(error), EXIT.usage);
  }
  if (values.help) {
    deps.stdout.write(`${USAGE[command]}\n`);
    return EXIT.ok;
  }
  const required = command === 'user:add' ? ['email', 'password', 'role'] : command === 'token:add' ? ['email'] : [];
  const missing = required.filter((name) => !values[name]);
  if (missing.length) return fail(deps, command, `missing ${missing.map((m) => `--${m}`).join(', ')}`, EXIT.usage);
  if (command === 'token:revoke') {
    const given = ['id', 'token', 'email'].filter((name) => values[name]);
    if (given.length !== 1) return fail(deps, command, 'give exactly one of --id, --token, --email', EXIT.usage);
    if (values.id && !/^\d+$/.test(values.id)) return fail(deps, command, `--id ${values.id} is not a token id`, EXIT.usage);
  }
  try {
    return await run(command, values, deps);
  } catch (error) {
    if (error instanceof WriteError) return fail(deps, command, error.message, EXIT.refused);
    return fail(deps, command, error instanceof Error ? error.message : String(error), EXIT.refused);
  }
}
