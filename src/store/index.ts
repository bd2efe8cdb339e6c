import type { Store } from './types.js';

/** Where the data lives: `DATABASE_URL` when it is set, else the SQLite file at `DATABASE_PATH`. */
export interface StoreLocation {
  DATABASE_URL?: string | undefined;
  DATABASE_PATH: string;
}

export interface OpenOptions {
  /** Open only a database that is already there (read-only commands such as reports): never create one. */
  existing?: boolean;
}

/** Opens a store at a location (a URL or, for SQLite, a plain path) and brings its schema up to date. */
export type StoreOpener = (location: string, options: OpenOptions) => Promise<Store>;

/**
 * The store implementations, by URL scheme. Each is imported only when a location names it, so a deployment
 * never loads a driver it does not use. A new implementation lives in its own folder and adds one line here.
 */
const OPENERS: Readonly<Record<string, StoreOpener>> = {
  sqlite: async (location, options) => (await import('./sqlite/index.js')).openSqlite(location, options),
  postgres: async (location, options) =>
    (await import('./postgres/index.js')).openPostgres(location, options),
};

/** Other names of a scheme. */
const ALIASES: Readonly<Record<string, string>> = { postgresql: 'postgres' };

/** Schemes this project knows but this build does not open. */
const NOT_BUILT: Readonly<Record<string, string>> = {};

export class StoreLocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLocationError';
  }
}

/** The location to open: the URL when one is given, else the path. */
export function storeLocation(config: StoreLocation): string {
  return config.DATABASE_URL ?? config.DATABASE_PATH;
}

/**
 * The scheme of a location, lower case: `postgres` for `postgres://…` and `postgresql://…`, `sqlite` for
 * `sqlite:…` and for a plain file path (one letter before a colon is a Windows drive, not a scheme).
 */
export function schemeOf(location: string): string {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(location)?.[1]?.toLowerCase();
  if (!scheme) return 'sqlite';
  return ALIASES[scheme] ?? scheme;
}

/** Opens the store the configuration names; unknown schemes and implementations not built fail clearly. */
export async function openStore(config: StoreLocation, options: OpenOptions = {}): Promise<Store> {
  return openStoreAt(storeLocation(config), options);
}

export async function openStoreAt(location: string, options: OpenOptions = {}): Promise<Store> {
  const scheme = schemeOf(location);
  const opener = OPENERS[scheme];
  if (opener) return opener(location, options);
  throw new StoreLocationError(
    NOT_BUILT[scheme] ??
      `unknown database scheme "${scheme}:" (known: ${Object.keys(OPENERS).concat(Object.keys(NOT_BUILT)).join(', ')})`,
  );
}

/** A store that lives only as long as the process and leaves nothing behind (the preview command's). */
export function openThrowAwayStore(): Promise<Store> {
  return openStoreAt('sqlite::memory:');
}

/** A location fit for logs and messages: a URL's password is replaced by `***`. */
export function describeLocation(location: string): string {
  return location.replace(/^([a-z][a-z0-9+.-]+:\/\/[^/:@]*):[^/@]*@/i, '$1:***@');
}
