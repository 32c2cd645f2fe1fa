// Entry point of `npm run user:add`, `token:add` and `token:revoke`: the command is the first argument.
import { text } from 'node:stream/consumers';
import { databasePath } from '@/db/connection';
import { openAppDatabase } from '@/db/open-app-db';
import { runAccountCli, USAGE, type Command } from './cli';

const [command, ...argv] = process.argv.slice(2);
if (!command || !(command in USAGE)) {
  process.stderr.write(`unknown command ${command ?? ''}; one of ${Object.keys(USAGE).join(', ')}\n`);
  process.exitCode = 2;
} else {
  void runAccountCli(command as Command, argv, {
    openDb: () => openAppDatabase(databasePath()),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => text(process.stdin),
  }).then((code) => {
    process.exitCode = code;
  });
}
