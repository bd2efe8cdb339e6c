import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite driver for the running Node.js release.
 *
 * better-sqlite3 13 is a Node-API 10 addon: it works on every Node.js that
 * offers Node-API 10 (22.14 and later) and, unlike 12, survives Node 24's
 * stricter clean-up of native objects (12 aborts the process there when a
 * statement is garbage-collected outside JavaScript). Node 20 has no
 * Node-API 10, so it gets 12, installed as the optional
 * `better-sqlite3-node20` and built from source for that release.
 */
export const NODE_API_NEEDED = 10;

export type DriverChoice = { readonly module: string; readonly reason: string };

export function chooseDriver(nodeApi: number): DriverChoice {
  return nodeApi >= NODE_API_NEEDED
    ? { module: 'better-sqlite3', reason: `Node-API ${nodeApi}` }
    : { module: 'better-sqlite3-node20', reason: `Node-API ${nodeApi} < ${NODE_API_NEEDED}` };
}

function load(): typeof BetterSqlite3 {
  const choice = chooseDriver(Number(process.versions.napi));
  try {
    return createRequire(import.meta.url)(choice.module) as typeof BetterSqlite3;
  } catch (error) {
    throw new Error(
      `cannot load the SQLite driver ${choice.module} on Node.js ${process.version} (${choice.reason}): ${
        (error as Error).message
      }. Use Node.js 22.14 or later, or run npm ci again with a C++ tool chain so the Node 20 driver can build.`,
    );
  }
}

export const Database: typeof BetterSqlite3 = load();
export type Database = BetterSqlite3.Database;
