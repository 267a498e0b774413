/**
 * One of the concurrent writers of D5: appends `count` audit entries to the database file given,
 * each in its own write transaction through the app's appendAudit, while another process does the
 * same on the same file. Prints the number written.
 */
import { writeTransaction } from '../../../main/core/queries';
import { openDatabase } from '../../../main/db/open';
import { appendAudit } from '../../../main/domains/audit';

async function main() {
  const [file = '', countText = '0', name = 'writer'] = process.argv.slice(2);
  // Two processes on one file on purpose: the one-process lock would refuse the second.
  const db = openDatabase(file, { lock: false });
  let written = 0;
  for (let i = 0; i < Number(countText); i++) {
    await writeTransaction(db.db, (trx) =>
      appendAudit(trx, {
        atMs: Date.now(),
        actorUserId: null,
        actorName: name,
        operation: 'scorecard.concurrent',
        entityType: 'scorecard',
        entityId: String(i),
        summary: { writer: name, i },
      }),
    );
    written++;
    // Lets the other process take the write lock between two entries.
    await new Promise((r) => setImmediate(r));
  }
  await db.close();
  process.stdout.write(`${written}\n`);
}

void main();
