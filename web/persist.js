// Opt-in workspace persistence ("Garder mon espace de travail sur cet appareil (chiffré)"): the original
// bytes of each source and a manifest, encrypted with a key derived from the user's passphrase, kept in
// OPFS (IndexedDB where OPFS cannot be written from the page). Owns the storage format, the crypto and
// "forget everything". Does not own parsing or DuckDB (main.js re-adds restored files through addFiles)
// nor the passphrase dialog (web/persist_dialog.js).
//
// [SECTION] Format (version 1)
//   header.json   in clear: format, version, KDF (PBKDF2-SHA-256, iterations, 16-byte random salt), cipher,
//                 chunk size, and a key check = AES-GCM of a constant, so a wrong passphrase is refused
//                 without reading any data. Nothing else is in clear.
//   manifest      encrypted JSON: per source its object id, file name, size, type, sample flag, removed flag
//                 (the list order is the Sources panel's order); `settings`: what the person decided in the
//                 app (trip mode corrections…), as the app gave it.
//   <32 hex>      one object per source (random id): the file's bytes in 4 MiB chunks, each sealed on its
//                 own (random 12-byte IV, AES-GCM-256, 16-byte tag). The additional data binds each chunk
//                 to its object, its index and whether it is the last one, so chunks cannot be swapped,
//                 reordered or cut off without the decryption failing.
//   In OPFS an object is one file of records [u32 LE length][IV][ciphertext+tag]; in IndexedDB each
//   record is one value under the key [object, index].
// [SECTION] Backends (OPFS, IndexedDB)
// [SECTION] Crypto
// [SECTION] Workspace (enable, unlock, store, remove, forget)

const FORMAT = 'sdw-workspace';
const VERSION = 1;
export const ITERATIONS = 600000;         // PBKDF2-SHA-256 (OWASP 2023: 600 000); never below 310 000
const MIN_ITERATIONS = 310000;
export const CHUNK = 4 * 1024 * 1024;
const DIR = 'sdw-workspace';              // OPFS folder, and the IndexedDB database name
const CHECK_TEXT = 'Self Data Workbench: key check';
const enc = new TextEncoder();
const dec = new TextDecoder();

const b64 = (u8) => { let s = ''; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000)); return btoa(s); };
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const randomId = () => [...crypto.getRandomValues(new Uint8Array(16))].map((x) => x.toString(16).padStart(2, '0')).join('');

// ------------------------------------------------------------------ [SECTION] Backends (OPFS, IndexedDB)
// Both offer: readHeader/writeHeader (clear JSON), put(name, records) from an async iterable of sealed
// records, records(name) as an async iterable of { bytes, last }, remove(name), list() -> [{ name, bytes }],
// exists(), destroy(). Nothing is created before writeHeader (probing writes nothing).

function opfsBackend() {
  const root = () => navigator.storage.getDirectory();
  const dir = async (create = false) => (await root()).getDirectoryHandle(DIR, { create });
  const file = async (name) => (await (await dir()).getFileHandle(name)).getFile();
  return {
    kind: 'opfs',
    async exists() {
      try { await (await dir()).getFileHandle('header.json'); return true; } catch (e) { return false; }
    },
    async readHeader() { return JSON.parse(await (await file('header.json')).text()); },
    async writeHeader(h) {
      const w = await (await (await dir(true)).getFileHandle('header.json', { create: true })).createWritable();
      await w.write(JSON.stringify(h)); await w.close();
    },
    async put(name, records) {
      // createWritable writes to a side file that replaces the object only on close(): a crash midway
      // leaves the previous version (or nothing), never half an object.
      const w = await (await (await dir(true)).getFileHandle(name, { create: true })).createWritable();
      try {
        for await (const r of records) {
          const framed = new Uint8Array(4 + r.length);   // one write per record
          new DataView(framed.buffer).setUint32(0, r.length, true);
          framed.set(r, 4);
          await w.write(framed);
        }
        await w.close();
      } catch (e) { await w.abort().catch(() => {}); throw e; }
    },
    async *records(name) {
      const f = await file(name);
      for (let off = 0; off < f.size;) {
        const n = new DataView(await f.slice(off, off + 4).arrayBuffer()).getUint32(0, true);
        const bytes = new Uint8Array(await f.slice(off + 4, off + 4 + n).arrayBuffer());
        if (bytes.length !== n) throw new Error('truncated object');
        off += 4 + n;
        yield { bytes, last: off >= f.size };
      }
    },
    async remove(name) { try { await (await dir()).removeEntry(name); } catch (e) { if (e.name !== 'NotFoundError') throw e; } },
    async list() {
      const out = [];
      try { for await (const [name, h] of (await dir()).entries()) if (h.kind === 'file') out.push({ name, bytes: (await h.getFile()).size }); }
      catch (e) { if (e.name !== 'NotFoundError') throw e; }
      return out;
    },
    async raw(name) { return new Uint8Array(await (await file(name)).arrayBuffer()); },
    async destroy() { try { await (await root()).removeEntry(DIR, { recursive: true }); } catch (e) { if (e.name !== 'NotFoundError') throw e; } },
  };
}

function idbBackend() {
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  let dbp = null;
  const db = () => (dbp ||= new Promise((res, rej) => {
    const r = indexedDB.open(DIR, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('kv');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  }));
  const tx = async (mode, fn) => {
    const t = (await db()).transaction('kv', mode);
    const out = fn(t.objectStore('kv'));
    await new Promise((res, rej) => { t.oncomplete = res; t.onerror = () => rej(t.error); t.onabort = () => rej(t.error); });
    return out;
  };
  const range = (name) => IDBKeyRange.bound([name, 0], [name, Infinity]);
  return {
    kind: 'idb',
    async exists() {
      if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === DIR)) return false;   // do not create it
      const s = (await db()).transaction('kv').objectStore('kv');
      return (await req(s.get('header'))) !== undefined;
    },
    async readHeader() { return JSON.parse(await req((await db()).transaction('kv').objectStore('kv').get('header'))); },
    async writeHeader(h) { await tx('readwrite', (s) => s.put(JSON.stringify(h), 'header')); },
    async put(name, records) {
      // Records go in one by one (a transaction cannot wait for the encryption); the old records beyond
      // the new count are deleted at the end.
      let i = 0;
      for await (const r of records) { const k = i++; await tx('readwrite', (s) => s.put(r, [name, k])); }
      await tx('readwrite', (s) => s.delete(IDBKeyRange.bound([name, i], [name, Infinity])));
    },
    async *records(name) {
      const n = await req((await db()).transaction('kv').objectStore('kv').count(range(name)));
      if (!n) throw Object.assign(new Error('object not found'), { name: 'NotFoundError' });
      for (let i = 0; i < n; i++) {
        const bytes = await req((await db()).transaction('kv').objectStore('kv').get([name, i]));
        yield { bytes: new Uint8Array(bytes), last: i === n - 1 };
      }
    },
    async remove(name) { await tx('readwrite', (s) => s.delete(range(name))); },
    async list() {
      if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === DIR)) return [];
      const sizes = new Map();
      const store = (await db()).transaction('kv').objectStore('kv');
      const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
      keys.forEach((k, i) => {
        const name = Array.isArray(k) ? k[0] : 'header.json';
        const v = values[i];
        sizes.set(name, (sizes.get(name) || 0) + (typeof v === 'string' ? enc.encode(v).length : v.byteLength));
      });
      return [...sizes].map(([name, bytes]) => ({ name, bytes }));
    },
    async raw(name) {
      if (name === 'header.json') return enc.encode(JSON.stringify(await this.readHeader()));
      const parts = [];
      for await (const r of this.records(name)) parts.push(r.bytes);
      return concat(parts);
    },
    async destroy() {
      if (dbp) { (await dbp).close(); dbp = null; }
      await new Promise((res, rej) => { const r = indexedDB.deleteDatabase(DIR); r.onsuccess = res; r.onerror = () => rej(r.error); r.onblocked = res; });
    },
  };
}

// OPFS when the page can write it (createWritable: Chromium, Firefox 111+, Safari 26), else IndexedDB.
async function pickBackend(force) {
  if (force === 'idb') return idbBackend();
  try {
    if (force === 'opfs' || (navigator.storage && navigator.storage.getDirectory && self.FileSystemFileHandle &&
                             'createWritable' in FileSystemFileHandle.prototype)) {
      await navigator.storage.getDirectory();
      return opfsBackend();
    }
  } catch (e) { /* OPFS refused (private window, policy): fall back */ }
  if (self.indexedDB) return idbBackend();
  return null;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

// ------------------------------------------------------------------ [SECTION] Crypto

async function deriveKey(pass, salt, iterations) {
  const base = await crypto.subtle.importKey('raw', enc.encode(pass.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
                                 { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const aad = (name, index, last) => enc.encode(`${FORMAT}/${VERSION}|${name}|${index}|${last ? 1 : 0}`);

async function seal(key, plain, ad) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, key, plain));
  const out = new Uint8Array(12 + ct.length);
  out.set(iv); out.set(ct, 12);
  return out;
}
const open = async (key, rec, ad) => new Uint8Array(await crypto.subtle.decrypt(
  { name: 'AES-GCM', iv: rec.subarray(0, 12), additionalData: ad }, key, rec.subarray(12)));

// A Blob read CHUNK bytes at a time and sealed chunk by chunk: a 1 GB file never sits whole in memory.
async function* sealBlob(key, name, blob) {
  const n = Math.max(1, Math.ceil(blob.size / CHUNK));
  for (let i = 0; i < n; i++) {
    const plain = new Uint8Array(await blob.slice(i * CHUNK, (i + 1) * CHUNK).arrayBuffer());
    yield seal(key, plain, aad(name, i, i === n - 1));
  }
}

// The object back as a Blob. Decrypted chunks are folded into the Blob every 4 chunks, so the page holds
// at most 16 MiB of them at once (the browser keeps large Blobs out of the JS heap).
async function openBlob(backend, key, name, type = '') {
  let blob = new Blob([], { type });
  let parts = [], i = 0, sawLast = false;
  for await (const r of backend.records(name)) {
    parts.push(await open(key, r.bytes, aad(name, i++, r.last)));
    sawLast = r.last;
    if (parts.length >= 4) { blob = new Blob([blob, ...parts], { type }); parts = []; }
  }
  if (!sawLast) throw new Error('empty object');
  return new Blob([blob, ...parts], { type });
}

// ------------------------------------------------------------------ [SECTION] Workspace

export class WrongPassphrase extends Error {
  constructor() { super('wrong passphrase'); this.code = 'persist.wrong_passphrase'; }
}

// One workspace per origin. Lifecycle: probe() on load; enable(pass) or unlock(pass) yields the key held
// in memory (non-extractable) while the tab lives; store/markRemoved/drop keep the manifest in step with
// the Sources panel; forget() deletes everything the app stored in the browser.
export class Workspace {
  constructor() {
    this.backend = null;
    this.key = null;           // CryptoKey once enabled or unlocked
    this.stored = false;       // a workspace exists on this device
    this.manifest = null;      // { sources: [{ oid, name, size, type, sample, removed }] }
    this.busy = 0;
    this.queue = Promise.resolve();   // writes are applied one at a time, in order
  }

  get enabled() { return !!this.key; }
  get locked() { return this.stored && !this.key; }

  async probe(force = null) {
    this.backend = await pickBackend(force);
    this.stored = !!this.backend && await this.backend.exists();
    return this.stored;
  }

  // Serialises writes (a source stored while another is removed must not lose either from the manifest).
  run(fn) {
    this.busy++;
    const p = this.queue.then(fn);
    this.queue = p.catch(() => {}).finally(() => { this.busy--; });
    return p;
  }

  async saveManifest() {
    const data = enc.encode(JSON.stringify({ version: VERSION, sources: this.manifest.sources, settings: this.manifest.settings || null }));
    await this.backend.put('manifest', (async function* (k) { yield seal(k, data, aad('manifest', 0, true)); })(this.key));
  }

  async readManifest() {
    const text = dec.decode(new Uint8Array(await (await openBlob(this.backend, this.key, 'manifest')).arrayBuffer()));
    return JSON.parse(text);
  }

  // Turns persistence on: new salt and key, header, empty manifest, then every source given
  // ([{ file, name, type, sample }]) stored in order. Returns their object ids.
  async enable(pass, sources = []) {
    if (!this.backend) throw Object.assign(new Error('no storage'), { code: 'persist.unavailable' });
    if (this.stored) throw Object.assign(new Error('a workspace is already stored'), { code: 'persist.exists' });
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await deriveKey(pass, salt, ITERATIONS);
    const check = await seal(key, enc.encode(CHECK_TEXT), aad('check', 0, true));
    await this.backend.writeHeader({ format: FORMAT, version: VERSION, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: b64(salt) },
                                     cipher: 'AES-GCM-256', chunk: CHUNK, check: b64(check) });
    this.key = key;
    this.stored = true;
    this.manifest = { sources: [] };
    await this.run(() => this.saveManifest());
    const oids = [];
    for (const s of sources) oids.push(await this.store(s));
    return oids;
  }

  // Checks the passphrase against the header's key check (no data is read before that), then returns
  // the sources to re-add, in order, as { oid, name, sample, file }. Entries flagged removed (the page
  // closed during an undo window) are deleted now. A wrong passphrase throws WrongPassphrase and changes
  // nothing; a damaged object throws code persist.damaged and changes nothing either.
  async unlock(pass) {
    if (!this.stored) return [];
    const h = await this.backend.readHeader();
    if (h.format !== FORMAT || h.version !== VERSION) throw Object.assign(new Error('unknown format'), { code: 'persist.format' });
    const iterations = Math.max(MIN_ITERATIONS, h.kdf.iterations | 0);
    const key = await deriveKey(pass, unb64(h.kdf.salt), iterations);
    try { await open(key, unb64(h.check), aad('check', 0, true)); } catch (e) { throw new WrongPassphrase(); }
    this.key = key;
    try { this.manifest = await this.readManifest(); } catch (e) { this.key = null; throw e; }
    const gone = this.manifest.sources.filter((x) => x.removed);
    if (gone.length) await this.run(async () => {
      this.manifest.sources = this.manifest.sources.filter((x) => !x.removed);
      await this.saveManifest();
      for (const x of gone) await this.backend.remove(x.oid);
    });
    // All or nothing: an object that fails authentication (altered, cut short, missing) stops the
    // reopening, names the file, and leaves everything as it was (the workspace stays closed).
    const out = [];
    for (const x of this.manifest.sources) {
      let blob;
      try { blob = await openBlob(this.backend, key, x.oid, x.type || ''); } catch (e) {
        this.key = null;
        this.manifest = null;
        throw Object.assign(new Error(`damaged object for ${x.name}: ${e.message || e.name}`), { code: 'persist.damaged', file: x.name });
      }
      out.push({ oid: x.oid, name: x.name, sample: x.sample || null,
                 file: new File([blob], x.name.replace(/^.*\//, ''), { type: x.type || '', lastModified: x.modified || Date.now() }) });
    }
    return out;
  }

  // Encrypts one source's original bytes into a new object and lists it in the manifest.
  store(s) {
    return this.run(async () => {
      if (!this.key) throw new Error('locked');
      const oid = randomId();
      await this.backend.put(oid, sealBlob(this.key, oid, s.file));
      this.manifest.sources.push({ oid, name: s.name, size: s.file.size, type: s.file.type || '', modified: s.file.lastModified || null,
                                   sample: s.sample || null, removed: false });
      await this.saveManifest();
      return oid;
    });
  }

  // Removed in the Sources panel but still undoable: flagged (and deleted on the next unlock if the page
  // closes before the undo window ends); restored: unflagged.
  markRemoved(oid, removed) {
    return this.run(async () => {
      const x = this.key && this.manifest.sources.find((e) => e.oid === oid);
      if (!x) return;
      x.removed = removed;
      await this.saveManifest();
    });
  }

  // The app's settings (the person's corrections…), kept encrypted in the manifest.
  saveSettings(settings) {
    return this.run(async () => {
      if (!this.key || !this.manifest) return;
      this.manifest.settings = settings;
      await this.saveManifest();
    });
  }
  get settings() { return this.manifest ? this.manifest.settings || null : null; }

  // Gone for good (undo window over): the object and its manifest entry are deleted.
  drop(oid) {
    return this.run(async () => {
      if (!this.key || !this.manifest.sources.some((e) => e.oid === oid)) return;
      this.manifest.sources = this.manifest.sources.filter((e) => e.oid !== oid);
      await this.saveManifest();
      await this.backend.remove(oid);
    });
  }

  // "Tout oublier / Forget everything": every byte this app stored in the browser — the workspace in
  // OPFS and IndexedDB, every other OPFS entry and IndexedDB database of the origin, localStorage and
  // sessionStorage, and Cache Storage (the service worker's copy of the app: it is unregistered too, so
  // nothing re-creates its cache; the next visit online installs it again). Returns what is left.
  async forget() {
    await this.queue.catch(() => {});
    this.key = null;
    this.manifest = null;
    this.stored = false;
    if (this.backend) await this.backend.destroy().catch(() => {});
    try {
      const root = await navigator.storage.getDirectory();
      for await (const [name] of root.entries()) await root.removeEntry(name, { recursive: true });
    } catch (e) { /* no OPFS */ }
    try {
      if (indexedDB.databases) for (const d of await indexedDB.databases()) await deleteDb(d.name);
      else await deleteDb(DIR);
    } catch (e) { /* no IndexedDB */ }
    try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage disabled */ }
    // unregister() is not awaited: Chromium may take tens of seconds to settle it, while the worker stops
    // using (and never re-creates) its cache at once. Caches are deleted now and once more when it settles.
    const dropCaches = async () => { try { if (self.caches) for (const k of await caches.keys()) await caches.delete(k); } catch (e) { /* none */ } };
    try {
      if (navigator.serviceWorker) for (const r of await navigator.serviceWorker.getRegistrations()) r.unregister().then(dropCaches, () => {});
    } catch (e) { /* no service worker */ }
    await dropCaches();
    return storageReport();
  }

  // Every stored byte, object by object (tests search them for text in clear).
  async storedBytes() {
    if (!this.backend) return [];
    const out = [];
    for (const { name } of await this.backend.list()) out.push({ name, bytes: await this.backend.raw(name) });
    return out;
  }

  async status() {
    const list = this.backend && this.stored ? await this.backend.list() : [];
    const live = this.manifest ? this.manifest.sources : [];
    return { backend: this.backend ? this.backend.kind : null, stored: this.stored, enabled: this.enabled, locked: this.locked,
             busy: this.busy > 0, iterations: ITERATIONS, chunk: CHUNK,
             objects: list.length, bytes: list.reduce((a, x) => a + x.bytes, 0),
             sources: live.map((x) => ({ name: x.name, size: x.size, removed: !!x.removed, sample: !!x.sample })) };
  }
}

function deleteDb(name) {
  return new Promise((res) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => res(); });
}

// What the browser's storage APIs report for this origin: OPFS entries, IndexedDB databases,
// localStorage and sessionStorage keys, Cache Storage caches.
export async function storageReport() {
  const opfs = [];
  try { for await (const [n] of (await navigator.storage.getDirectory()).entries()) opfs.push(n); } catch (e) { /* no OPFS */ }
  let idb = [];
  try { idb = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : []; } catch (e) { /* no IndexedDB */ }
  let caches_ = [];
  try { caches_ = self.caches ? await caches.keys() : []; } catch (e) { /* no Cache Storage */ }
  let ls = 0, ss = 0;
  try { ls = localStorage.length; ss = sessionStorage.length; } catch (e) { /* disabled */ }
  return { opfs, indexeddb: idb, localStorage: ls, sessionStorage: ss, caches: caches_ };
}
