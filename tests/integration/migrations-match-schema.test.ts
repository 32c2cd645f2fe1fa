// The committed migrations are the schema: drizzle-kit, run against a copy of them, finds
// nothing to generate. (A schema change without its migration fails here, not in production.)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

it('drizzle-kit generates nothing new from db/schema.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'standpoint-migrations-'));
  try {
    cpSync(join(process.cwd(), 'db', 'migrations'), join(dir, 'migrations'), { recursive: true });
    const config = join(dir, 'drizzle.config.mjs');
    writeFileSync(config, `export default { dialect: 'sqlite', schema: ${JSON.stringify(join(process.cwd(), 'db', 'schema.ts'))}, out: ${JSON.stringify(relative(process.cwd(), join(dir, 'migrations')))} };\n`);
    const before = readdirSync(join(dir, 'migrations')).sort();
    const result = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--config', config], { encoding: 'utf8', timeout: 60_000, input: '' });
    expect(`${result.stdout}${result.stderr}`).toContain('No schema changes');
    expect(readdirSync(join(dir, 'migrations')).sort()).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
