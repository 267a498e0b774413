import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../main/app';
import { DatabaseNotEmptyError, seedDemo } from './demo-data';

/** `npm run demo -- --db PATH [--force]`: fills a database with the demo company. */
async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './data/reception.db' },
      force: { type: 'boolean', default: false },
    },
  });
  const app = createApp(values.db);
  try {
    const logins = await seedDemo(app, values.force);
    console.log(`Demo company written to ${path.resolve(values.db)} (marked as demo in the app).`);
    console.log('Logins (passwords are shown only now):');
    for (const l of logins) {
      console.log(`  ${l.login.padEnd(10)} ${l.password}  ${l.name}  [${l.roles.join(', ')}]`);
    }
    if (logins.length === 0) console.log('  (all demo users already existed)');
  } catch (e) {
    if (!(e instanceof DatabaseNotEmptyError)) throw e;
    console.error(
      `${path.resolve(values.db)} already has users: demo data was not added. ` +
        'Use a new --db path, or --force to add the demo company alongside.',
    );
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main();
