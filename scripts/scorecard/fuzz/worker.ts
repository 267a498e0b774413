/**
 * One of D3's worker processes (the machine's cores fuzz different operations at once): reads
 * its share from argv as JSON, fuzzes it and prints `FUZZ {json}` on stdout.
 */
import { useCheapPasswords } from '../cheap-passwords';
import { fuzzOps, type FuzzOpsOptions } from './harness';

async function main() {
  useCheapPasswords();
  const args = JSON.parse(process.argv[2] ?? '{}') as Omit<FuzzOpsOptions, 'log'>;
  const stats = await fuzzOps({ ...args, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`FUZZ ${JSON.stringify(stats)}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
