import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { DatabaseInUseError } from '../db/lock';
import { startScheduler } from '../scheduler';
import { startServer } from './http';

/** `npm run serve -- --db PATH --port N`: the app in a browser, for machines without Electron. */
async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './data/reception.db' },
      port: { type: 'string', default: '0' },
      static: { type: 'string', default: path.resolve(__dirname, '../../out/renderer') },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got ${values.port})`);
    process.exit(2);
  }
  let app;
  try {
    app = createApp(values.db);
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      // Another server or the desktop app has this file: one process per database file.
      console.error(`接待管理未启动：${e.messageZh}\n${e.message}`);
      process.exit(3);
    }
    console.error((e as Error).message);
    process.exit(1);
  }
  const server = await startServer(app, { port, staticDir: values.static });
  const scheduler = startScheduler(app);
  console.log(`Reception Manager (browser mode) on ${server.url}`);
  console.log(`Database: ${path.resolve(values.db)}`);
  const stop = () => {
    void server
      .close()
      .then(() => scheduler.stop())
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
