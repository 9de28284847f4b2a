import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';

/**
 * SQLite has one connection per process, and TypeORM's better-sqlite3 driver
 * hands every caller the same query runner: two requests' transactions would
 * merge into one (the second a SAVEPOINT of the first), so one request could
 * be acknowledged before the real COMMIT, or rolled back by another's error.
 *
 * The gate gives the connection to one unit of work at a time: a transaction
 * (DataSource/EntityManager.transaction, or the implicit one `save()` opens)
 * holds it from BEGIN to COMMIT/ROLLBACK; a lone query holds it for itself.
 * Code running inside a transaction callback (same async context) passes.
 */
class Gate {
  owner: symbol | null = null;
  private waiting: { token: symbol; go: () => void }[] = [];

  acquire(token: symbol): Promise<void> {
    if (this.owner === null) {
      this.owner = token;
      return Promise.resolve();
    }
    return new Promise((go) => this.waiting.push({ token, go }));
  }

  release(token: symbol): void {
    if (this.owner !== token) return;
    const next = this.waiting.shift();
    this.owner = next ? next.token : null;
    next?.go();
  }
}

const context = new AsyncLocalStorage<symbol>();
let nested = 0;

class GatedQueryRunner extends BetterSqlite3QueryRunner {
  private held: symbol | null = null;
  private savepoint: string | null = null;

  constructor(
    driver: BetterSqlite3Driver,
    private readonly gate: Gate,
  ) {
    super(driver);
  }

  private mayRun(): boolean {
    const o = this.gate.owner;
    return o !== null && (o === this.held || o === context.getStore());
  }

  override async query(query: string, parameters?: unknown[], useStructuredResult = false): Promise<any> {
    if (this.mayRun()) return super.query(query, parameters, useStructuredResult);
    const token = Symbol('query');
    await this.gate.acquire(token);
    try {
      return await super.query(query, parameters, useStructuredResult);
    } finally {
      this.gate.release(token);
    }
  }

  override async startTransaction(isolationLevel?: 'READ UNCOMMITTED' | 'SERIALIZABLE'): Promise<void> {
    if (this.isTransactionActive) return super.startTransaction(isolationLevel);
    if (!this.mayRun()) {
      const token = Symbol('transaction');
      await this.gate.acquire(token);
      this.held = token;
    }
    if ((this.driver as BetterSqlite3Driver).databaseConnection.inTransaction) {
      // Another runner of the same unit of work already began: nest as a savepoint.
      this.savepoint = `zz_nested_${++nested}`;
      await super.query(`SAVEPOINT ${this.savepoint}`);
      this.isTransactionActive = true;
      this.transactionDepth = 1;
      return;
    }
    try {
      await super.startTransaction(isolationLevel);
    } catch (e) {
      this.letGo();
      throw e;
    }
  }

  override async commitTransaction(): Promise<void> {
    if (this.savepoint && this.transactionDepth === 1) {
      await super.query(`RELEASE SAVEPOINT ${this.savepoint}`);
      this.endNested();
      return;
    }
    try {
      await super.commitTransaction();
    } finally {
      if (this.transactionDepth === 0) this.letGo();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    if (this.savepoint && this.transactionDepth === 1) {
      await super.query(`ROLLBACK TO SAVEPOINT ${this.savepoint}`);
      await super.query(`RELEASE SAVEPOINT ${this.savepoint}`);
      this.endNested();
      return;
    }
    try {
      await super.rollbackTransaction();
    } finally {
      if (this.transactionDepth === 0) this.letGo();
    }
  }

  override async release(): Promise<void> {
    if (this.held && this.gate.owner === this.held) {
      const db = (this.driver as BetterSqlite3Driver).databaseConnection;
      if (db.inTransaction && !this.savepoint) db.exec('ROLLBACK');
      this.letGo();
    }
    return super.release();
  }

  private endNested() {
    this.savepoint = null;
    this.transactionDepth = 0;
    this.isTransactionActive = false;
    this.letGo();
  }

  private letGo() {
    if (this.held) this.gate.release(this.held);
    this.held = null;
  }
}

/** Installs the gate on a better-sqlite3 DataSource (before `initialize()`). */
export function installSqliteGate(ds: DataSource): void {
  const gate = new Gate();
  const driver = ds.driver as BetterSqlite3Driver;
  driver.createQueryRunner = (_mode?: ReplicationMode): QueryRunner => new GatedQueryRunner(driver, gate);
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (async (...args: unknown[]) => {
    if (gate.owner !== null && gate.owner === context.getStore()) return transaction(...args);
    const token = Symbol('transaction');
    await gate.acquire(token);
    try {
      return await context.run(token, () => transaction(...args));
    } finally {
      gate.release(token);
    }
  }) as typeof manager.transaction;
}
