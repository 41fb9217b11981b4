import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** A MariaDB server of its own for CATAPULT: own data directory and socket, on a loopback address. */
export interface CatapultDatabase {
  /** The address it listens on (the player always connects to port 3306). */
  host: string;
  port: 3306;
  name: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/** Where Debian's mariadb-server puts the server. */
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));

/** Whether `host:3306` is free to listen on. */
function portFree(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(3306, host, () => s.close(() => resolve(true)));
  });
}

/** Runs SQL as the server's root user over its socket; throws with MariaDB's words on failure. */
function sql(socket: string, statements: string): void {
  const r = spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statements], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`MariaDB refused the setup SQL: ${r.stderr || r.error?.message}`);
}

/**
 * Initialises a data directory under `dir` with mariadb-install-db and starts `mariadbd` on it,
 * bound to 127.0.0.3:3306 (or the next free 127.0.0.x: CATAPULT hard-codes the port, not the
 * address), then creates the player's database and its user (both @'%' and @'localhost').
 */
export async function startCatapultDatabase(dir: string, database = { name: 'catapult_player', user: 'catapult', password: 'quartz' }): Promise<CatapultDatabase> {
  if (!MARIADBD) throw new Error("MariaDB's server was not found (/usr/sbin/mariadbd): install Debian's mariadb-server (apt-get install -y mariadb-server).");
  let host = '';
  for (let last = 3; last <= 30 && !host; last++) if (await portFree(`127.0.0.${last}`)) host = `127.0.0.${last}`;
  if (!host) throw new Error('port 3306 is taken on 127.0.0.3 to 127.0.0.30: stop the other MariaDB servers first.');

  const data = join(dir, 'data');
  const socket = join(dir, 'mariadb.sock');
  const errorLog = join(dir, 'mariadb.err');
  mkdirSync(dir, { recursive: true });
  const user = userInfo().username;
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, `--user=${user}`, '--auth-root-authentication-method=socket', '--skip-test-db'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout || install.error?.message}`);

  const child: ChildProcess = spawn(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${errorLog}`,
      `--bind-address=${host}`,
      '--port=3306',
      `--user=${user}`,
      '--innodb-buffer-pool-size=32M',
      '--innodb-flush-log-at-trx-commit=0',
      '--skip-log-bin',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // Should the test process end without stop() (killed, crashed), the server goes with it.
  const killWithUs = () => child.kill('SIGKILL');
  process.once('exit', killWithUs);
  void exited.then(() => process.off('exit', killWithUs));
  const log = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('\n').slice(-15).join('\n') : '');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      await exited;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited at start:\n${log()}`);
    if (existsSync(socket) && spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1']).status === 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mariadbd did not answer within 30 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const pw = database.password.replace(/'/g, "''");
    sql(
      socket,
      [
        `CREATE DATABASE ${database.name}`,
        ...['%', 'localhost'].flatMap((h) => [`CREATE USER '${database.user}'@'${h}' IDENTIFIED BY '${pw}'`, `GRANT ALL ON ${database.name}.* TO '${database.user}'@'${h}'`]),
      ].join(';\n'),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { host, port: 3306, name: database.name, user: database.user, password: database.password, stop };
}
