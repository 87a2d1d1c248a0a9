/**
 * `npm run hash-password`: reads a staff password from stdin (or asks for it) and prints the
 * hash to put in DOORSTEP_CONFIG `staff[].passwordHash`.
 */
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../common/passwords';

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
if (process.stdin.isTTY) process.stderr.write('Password: ');
const password = (await rl[Symbol.asyncIterator]().next()).value as string | undefined;
rl.close();
if (!password || password.length < 10) {
  console.error('a staff password needs at least 10 characters');
  process.exit(1);
}
console.log(hashPassword(password));
