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
// Crash safety (the page or the browser may die at any instant):
//   - every file is replaced whole: OPFS createWritable writes a side file (<name>.crswap) that replaces
//     the file only on close(); IndexedDB writes the manifest and the header in one transaction each.
//   - a source is first listed as `pending` in the manifest, then its object is written, then the entry
//     is committed. On reopening, a pending entry whose object is complete (every chunk authenticates,
//     the last one flagged last, the size right) is kept; otherwise it is reported by name as not saved.
//   - a removal is committed in the manifest before its object is deleted.
//   - enable() writes the manifest before the header: the header is the commit point of a workspace.
//   - anything in the folder the manifest does not name (side files, objects of an interrupted store or
//     removal) is swept once the workspace is reopened; a folder without a header is deleted on load.
//   - forget() first writes a marker (`sdw-forgetting`, at the OPFS root, or an IndexedDB database of
//     that name without OPFS), deletes the header (nothing can be reopened from then on), deletes the
//     rest, and the marker last; a visit that finds the marker finishes the forgetting before anything else.
// [SECTION] Backends (OPFS, IndexedDB)
// [SECTION] Crypto
// [SECTION] Workspace (enable, unlock, store, remove, forget)
// [SECTION] Portable archive (.sdwcartable: export, import)

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
    async removeHeader() { await this.remove('header.json'); },
    // A folder left without a header (an enable or a forget cut short): nothing in it can be opened.
    async headless() {
      try { await dir(); } catch (e) { return false; }
      return !(await this.exists());
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
      if (!(await hasDb(DIR))) return false;   // do not create it
      const s = (await db()).transaction('kv').objectStore('kv');
      return (await req(s.get('header'))) !== undefined;
    },
    async readHeader() { return JSON.parse(await req((await db()).transaction('kv').objectStore('kv').get('header'))); },
    async writeHeader(h) { await tx('readwrite', (s) => s.put(JSON.stringify(h), 'header')); },
    async removeHeader() { if (await hasDb(DIR)) await tx('readwrite', (s) => s.delete('header')); },
    async headless() { return (await hasDb(DIR)) && !(await this.exists()); },
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
      if (!(await hasDb(DIR))) return [];
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

// Whether an IndexedDB database exists, without creating it (true where the browser cannot tell).
async function hasDb(name) {
  if (!indexedDB.databases) return true;
  return (await indexedDB.databases()).some((d) => d.name === name);
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

const MARKER = 'sdw-forgetting';   // "forget everything" started and is not finished (OPFS root file, or IndexedDB database)

async function writeMarker() {
  try { await (await navigator.storage.getDirectory()).getFileHandle(MARKER, { create: true }); return; } catch (e) { /* no OPFS */ }
  if (!self.indexedDB) return;
  await new Promise((res) => { const r = indexedDB.open(MARKER, 1); r.onsuccess = () => { r.result.close(); res(); }; r.onerror = r.onblocked = () => res(); });
}
async function markerExists() {
  try { await (await navigator.storage.getDirectory()).getFileHandle(MARKER); return true; } catch (e) { /* none, or no OPFS */ }
  try { return !!(indexedDB.databases && (await indexedDB.databases()).some((d) => d.name === MARKER)); } catch (e) { return false; }
}
async function removeMarker() {
  try { await (await navigator.storage.getDirectory()).removeEntry(MARKER); } catch (e) { /* none */ }
  try { if (await markerExists()) await deleteDb(MARKER); } catch (e) { /* none */ }
}

// One workspace per origin. Lifecycle: probe() on load; enable(pass) or unlock(pass) yields the key held
// in memory (non-extractable) while the tab lives; store/markRemoved/drop keep the manifest in step with
// the Sources panel; forget() deletes everything the app stored in the browser.
export class Workspace {
  constructor() {
    this.backend = null;
    this.key = null;           // CryptoKey once enabled or unlocked
    this.stored = false;       // a workspace exists on this device
    this.manifest = null;      // { seq, sources: [{ oid, name, size, type, sample, removed, pending? }], settings }
    this.busy = 0;
    this.queue = Promise.resolve();   // writes are applied one at a time, in order
    this.missing = [];         // names of sources the last reopening could not bring back (their store was cut short)
    this.swept = 0;            // stray objects deleted at the last reopening
    this.resumed = false;      // this load finished a "forget everything" a closed page had started
    this.progress = null;      // the last step reached by a write (status().progress; the crash tests poll it)
    this.steps = 0;
    this.hold = null;          // test hook: { step, left } — the nth arrival at `step` waits forever
    this.held = null;
  }

  // One tab at a time: two tabs writing the same manifest would overwrite each other's sources, and one tab's
  // sweep at reopening would delete the other's object being written. An exclusive Web Lock, held while the
  // tab lives, is taken before the workspace is opened or created; another tab is refused (persist.in_use).
  async claim() {
    if (this.claimed || !globalThis.navigator || !navigator.locks) { this.claimed = true; return; }
    const got = await new Promise((resolve) => {
      navigator.locks.request('sdw-workspace', { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        return lock ? new Promise(() => {}) : undefined;   // held until the tab closes
      });
    });
    if (!got) throw Object.assign(new Error('workspace open in another tab'), { code: 'persist.in_use' });
    this.claimed = true;
  }

  get enabled() { return !!this.key; }
  get locked() { return this.stored && !this.key; }

  // Test hook for the crash tests (tests/e2e/suites/persistence_crash.cjs): they kill the browser while
  // a write is held at a named step. The app itself never sets a hold.
  holdAt(step, nth = 1) { this.hold = step ? { step, left: nth } : null; this.held = null; }
  async checkpoint(step, info = {}) {
    this.progress = { step, ...info, n: ++this.steps };
    const h = this.hold;
    if (h && (h.step === step || h.step === `${step}/${info.why}`) && --h.left <= 0) {
      this.hold = null;
      this.held = step;
      await new Promise(() => {});
    }
  }

  // On load: a "forget everything" cut short is finished first; a folder without a header (an enable
  // cut short) is deleted. Otherwise nothing is written.
  async probe(force = null) {
    this.backend = await pickBackend(force);
    if (await markerExists().catch(() => false)) {
      await this.finishForget(true);
      this.resumed = true;
    } else if (this.backend && await this.backend.headless().catch(() => false)) {
      await this.backend.destroy().catch(() => {});
    }
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

  // The manifest is one sealed record replacing the previous one whole (see Crash safety above); `seq`
  // counts its versions; `why` names the change (progress and holds: 'manifest:writing/commit'…).
  async saveManifest(why = 'update') {
    const m = this.manifest;
    m.seq = (m.seq || 0) + 1;
    const data = enc.encode(JSON.stringify({ version: VERSION, seq: m.seq, sources: m.sources, settings: m.settings || null }));
    const ws = this;
    await this.backend.put('manifest', (async function* () {
      yield await seal(ws.key, data, aad('manifest', 0, true));
      await ws.checkpoint('manifest:writing', { seq: m.seq, why });   // written, not yet in place
    })());
    await this.checkpoint('manifest:saved', { seq: m.seq, why });
  }

  async readManifest(key = this.key) {
    const text = dec.decode(new Uint8Array(await (await openBlob(this.backend, key, 'manifest')).arrayBuffer()));
    return JSON.parse(text);
  }

  // Turns persistence on: new salt and key, empty manifest, then the header (the commit point: a folder
  // without one is deleted on the next load), then every source given ([{ file, name, type, sample }])
  // stored in order. Returns their object ids.
  async enable(pass, sources = []) {
    await this.claim();
    if (!this.backend) throw Object.assign(new Error('no storage'), { code: 'persist.unavailable' });
    if (this.stored) throw Object.assign(new Error('a workspace is already stored'), { code: 'persist.exists' });
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await deriveKey(pass, salt, ITERATIONS);
    const check = await seal(key, enc.encode(CHECK_TEXT), aad('check', 0, true));
    this.key = key;
    this.manifest = { seq: 0, sources: [] };
    this.missing = [];
    try {
      await this.run(() => this.saveManifest('enable'));
      await this.backend.writeHeader({ format: FORMAT, version: VERSION, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: b64(salt) },
                                       cipher: 'AES-GCM-256', chunk: CHUNK, check: b64(check) });
    } catch (e) {
      this.key = null; this.manifest = null;
      await this.backend.destroy().catch(() => {});
      throw e;
    }
    this.stored = true;
    const oids = [];
    for (const s of sources) oids.push(await this.store(s));
    return oids;
  }

  // Checks the passphrase against the header's key check (no data is read before that), then returns
  // the sources to re-add, in order, as { oid, name, sample, file }. A wrong passphrase throws
  // WrongPassphrase and changes nothing; a damaged object throws code persist.damaged and changes
  // nothing either (all or nothing). Once every object is read: entries flagged removed (the page closed
  // during an undo window) and pending entries whose object is incomplete (the page closed while it was
  // stored; their names are in this.missing) leave the manifest, then their objects and anything else
  // the manifest does not name are deleted.
  async unlock(pass) {
    if (!this.stored) return [];
    await this.claim();
    const h = await this.backend.readHeader();
    if (h.format !== FORMAT || h.version !== VERSION) throw Object.assign(new Error('unknown format'), { code: 'persist.format' });
    const iterations = Math.max(MIN_ITERATIONS, h.kdf.iterations | 0);
    const key = await deriveKey(pass, unb64(h.kdf.salt), iterations);
    try { await open(key, unb64(h.check), aad('check', 0, true)); } catch (e) { throw new WrongPassphrase(); }
    let manifest;
    try { manifest = await this.readManifest(key); } catch (e) {
      throw Object.assign(new Error(`damaged manifest: ${e.message || e.name}`), { code: 'persist.damaged', file: null });
    }
    const kept = [], gone = [], missing = [];
    let promoted = false;
    for (const x of manifest.sources) {
      if (x.removed) { gone.push(x); continue; }
      let blob;
      try {
        blob = await openBlob(this.backend, key, x.oid, x.type || '');
        if (blob.size !== x.size) throw new Error(`${blob.size} bytes instead of ${x.size}`);
      } catch (e) {
        if (x.pending) { missing.push(x); continue; }   // its store was cut short: not saved
        throw Object.assign(new Error(`damaged object for ${x.name}: ${e.message || e.name}`), { code: 'persist.damaged', file: x.name });
      }
      if (x.pending) { delete x.pending; promoted = true; }   // written whole, only its commit was cut short
      kept.push({ x, blob });
    }
    this.key = key;
    this.manifest = manifest;
    this.missing = missing.map((x) => x.name);
    await this.run(async () => {
      if (gone.length || missing.length || promoted) {
        this.manifest.sources = kept.map((k) => k.x);
        await this.saveManifest('reopen');
        await this.checkpoint('unlock:committed');
      }
      for (const x of [...gone, ...missing]) await this.backend.remove(x.oid);
      this.swept = await this.sweep();
    });
    return kept.map(({ x, blob }) => ({ oid: x.oid, name: x.name, sample: x.sample || null,
      file: new File([blob], x.name.replace(/^.*\//, ''), { type: x.type || '', lastModified: x.modified || Date.now() }) }));
  }

  // Deletes whatever the manifest does not name: side files of writes cut short (OPFS <name>.crswap),
  // objects stored or removed while the page died. Called within run().
  async sweep() {
    const keep = new Set(['header.json', 'manifest', ...this.manifest.sources.map((x) => x.oid)]);
    let n = 0;
    for (const { name } of await this.backend.list()) if (!keep.has(name)) { await this.backend.remove(name); n++; }
    return n;
  }

  // Encrypts one source's original bytes into a new object and lists it in the manifest: first as
  // pending, then committed once the object is written whole.
  store(s) {
    return this.run(async () => {
      if (!this.key) throw new Error('locked');
      const oid = randomId();
      const entry = { oid, name: s.name, size: s.file.size, type: s.file.type || '', modified: s.file.lastModified || null,
                      sample: s.sample || null, removed: false, pending: true };
      this.manifest.sources.push(entry);
      await this.saveManifest('pending');
      await this.checkpoint('store:pending', { name: s.name });
      const chunks = Math.max(1, Math.ceil(s.file.size / CHUNK));
      const ws = this;
      try {
        await this.backend.put(oid, (async function* () {
          let i = 0;
          for await (const r of sealBlob(ws.key, oid, s.file)) {
            yield r;
            await ws.checkpoint('store:chunk', { name: s.name, chunk: ++i, chunks });   // chunk i written
          }
        })());
      } catch (e) {   // not stored (quota, file unreadable): its entry and what was written go
        this.manifest.sources = this.manifest.sources.filter((x) => x !== entry);
        await this.saveManifest('unstored').catch(() => {});
        await this.backend.remove(oid).catch(() => {});
        throw e;
      }
      await this.checkpoint('store:written', { name: s.name });
      delete entry.pending;
      await this.saveManifest('commit');
      await this.checkpoint('store:committed', { name: s.name });
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
      await this.saveManifest(removed ? 'removed' : 'restored');
      await this.checkpoint(removed ? 'remove:flagged' : 'remove:unflagged', { name: x.name });
    });
  }

  // The app's settings (the person's corrections…), kept encrypted in the manifest.
  saveSettings(settings) {
    return this.run(async () => {
      if (!this.key || !this.manifest) return;
      this.manifest.settings = settings;
      await this.saveManifest('settings');
    });
  }
  get settings() { return this.manifest ? this.manifest.settings || null : null; }

  // Gone for good (undo window over): the manifest without its entry is committed, then the object is
  // deleted (a page closed in between leaves a stray object, swept at the next reopening).
  drop(oid) {
    return this.run(async () => {
      const x = this.key && this.manifest.sources.find((e) => e.oid === oid);
      if (!x) return;
      this.manifest.sources = this.manifest.sources.filter((e) => e !== x);
      await this.saveManifest('drop');
      await this.checkpoint('drop:committed', { name: x.name });
      await this.backend.remove(oid);
      await this.checkpoint('drop:done', { name: x.name });
    });
  }

  // "Tout oublier / Forget everything": every byte this app stored in the browser — the workspace in
  // OPFS and IndexedDB, every other OPFS entry and IndexedDB database of the origin, localStorage and
  // sessionStorage, and Cache Storage (the service worker's copy of the app: it is unregistered too, so
  // nothing re-creates its cache; the next visit online installs it again). A marker written first and
  // deleted last lets the next visit finish the job if the page dies midway; the header goes right after
  // the marker, so from then on nothing can be reopened. Returns what is left.
  async forget() {
    await this.queue.catch(() => {});
    this.key = null;
    this.manifest = null;
    this.stored = false;
    this.missing = [];
    await writeMarker().catch(() => {});
    await this.checkpoint('forget:marked');
    if (this.backend) await this.backend.removeHeader().catch(() => {});
    await this.checkpoint('forget:header-removed');
    return this.finishForget(false);
  }

  // The rest of forget(), also run on load when the marker is found (resumed). Cache Storage only ever
  // holds the app's own files; a resumed forget leaves it to the service worker the new visit installs.
  async finishForget(resumed) {
    if (this.backend) await this.backend.destroy().catch(() => {});
    await this.checkpoint('forget:workspace-removed');
    try {
      const root = await navigator.storage.getDirectory();
      for await (const [name] of root.entries()) if (name !== MARKER) await root.removeEntry(name, { recursive: true });
    } catch (e) { /* no OPFS */ }
    try {
      if (indexedDB.databases) { for (const d of await indexedDB.databases()) if (d.name !== MARKER) await deleteDb(d.name); }
      else await deleteDb(DIR);
    } catch (e) { /* no IndexedDB */ }
    try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage disabled */ }
    if (!resumed) {
      // unregister() is not awaited: Chromium may take tens of seconds to settle it, while the worker stops
      // using (and never re-creates) its cache at once. Caches are deleted now and once more when it settles.
      const dropCaches = async () => { try { if (self.caches) for (const k of await caches.keys()) await caches.delete(k); } catch (e) { /* none */ } };
      try {
        if (navigator.serviceWorker) for (const r of await navigator.serviceWorker.getRegistrations()) r.unregister().then(dropCaches, () => {});
      } catch (e) { /* no service worker */ }
      await dropCaches();
    }
    await this.checkpoint('forget:rest-removed');
    await removeMarker();
    await this.checkpoint('forget:done');
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
             sources: live.map((x) => ({ name: x.name, size: x.size, removed: !!x.removed, sample: !!x.sample, pending: !!x.pending })),
             seq: this.manifest ? this.manifest.seq || 0 : null, missing: this.missing, swept: this.swept, resumed: this.resumed,
             progress: this.progress, held: this.held };
  }

  // The whole workspace as one portable encrypted file (see Portable archive below), built from the
  // stored records as they are (same key: the archive opens with this workspace's passphrase). Each
  // record is authenticated on the way, so a damaged workspace is refused rather than exported. The
  // records are folded into the Blob every 4 chunks: the page never holds more than 16 MiB of them.
  exportArchive() {
    return this.run(async () => {
      if (!this.key) throw new Error('locked');
      const h = await this.backend.readHeader();
      const chunk = h.chunk || CHUNK;
      const sources = this.manifest.sources.filter((x) => !x.removed && !x.pending);
      const head = enc.encode(JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, kdf: h.kdf, cipher: h.cipher, chunk, check: h.check }));
      let blob = new Blob([await archiveHead(head)]);
      const manifest = { version: ARCHIVE_VERSION, sources: sources.map((x) => ({ oid: x.oid, name: x.name, size: x.size, type: x.type || '',
                         modified: x.modified || null, sample: x.sample || null })), settings: this.manifest.settings || null };
      let parts = [frame(await seal(this.key, enc.encode(JSON.stringify(manifest)), aad('archive:manifest', 0, true)))];
      let bytes = 0;
      for (const x of sources) {
        const n = Math.max(1, Math.ceil(x.size / chunk));
        let i = 0;
        try {
          for await (const r of this.backend.records(x.oid)) {
            await open(this.key, r.bytes, aad(x.oid, i, r.last));
            i++;
            parts.push(frame(r.bytes));
            if (parts.length >= 4) { blob = new Blob([blob, ...parts]); parts = []; }
            this.progress = { step: 'export:chunk', name: x.name, chunk: i, chunks: n, n: ++this.steps };
          }
          if (i !== n) throw new Error(`${i} chunks instead of ${n}`);
        } catch (e) {
          throw Object.assign(new Error(`damaged object for ${x.name}: ${e.message || e.name}`), { code: 'persist.damaged', file: x.name });
        }
        bytes += x.size;
      }
      parts.push(frame(await seal(this.key, enc.encode(JSON.stringify({ sources: sources.length, bytes })), aad('archive:end', 0, true))));
      blob = new Blob([blob, ...parts], { type: 'application/octet-stream' });
      return { blob, sources: sources.length, bytes };
    });
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

// ------------------------------------------------------------------ [SECTION] Portable archive
// One file (".sdwcartable") holding a whole workspace, encrypted as the workspace is, to carry it to
// another browser or device. All integers little-endian.
//   [12] magic "SDWCARTABLE\n"   [4] header length H   [H] header JSON in clear (format sdw-archive,
//   version, KDF with salt and iterations, cipher, chunk size, key check: as a workspace header)
//   [32] SHA-256 of the 16 + H bytes before it (a damaged header is told apart from a wrong passphrase)
//   then records [u32 length][IV][ciphertext+tag], each sealed as in the workspace:
//   the manifest (additional data "archive:manifest"): per source its object id, name, size, type,
//   sample flag, and the settings; then each source's chunks in manifest order (additional data: object
//   id, index, last flag — the stored records, copied as they are); then an end record ("archive:end":
//   the number of sources and bytes), so a file cut at a record boundary is refused too. Nothing follows.

const ARCHIVE_MAGIC = enc.encode('SDWCARTABLE\n');
const ARCHIVE_FORMAT = 'sdw-archive';
const ARCHIVE_VERSION = 1;
export const ARCHIVE_EXT = 'sdwcartable';

const frame = (r) => {
  const f = new Uint8Array(4 + r.length);
  new DataView(f.buffer).setUint32(0, r.length, true);
  f.set(r, 4);
  return f;
};

async function archiveHead(header) {
  const head = new Uint8Array(16 + header.length);
  head.set(ARCHIVE_MAGIC);
  new DataView(head.buffer).setUint32(12, header.length, true);
  head.set(header, 16);
  return concat([head, new Uint8Array(await crypto.subtle.digest('SHA-256', head))]);
}

// code: archive.not_archive | archive.version | archive.header_damaged | archive.wrong_passphrase |
// archive.truncated | archive.damaged | archive.trailing. where: { part: 'header' | 'manifest' | 'end' }
// or { part: 'chunk', name, chunk (1-based), chunks }; offset: the byte where the faulty part starts
// (truncated: where the file stops); size: the file's size.
export class ArchiveError extends Error {
  constructor(code, info = {}) {
    super(`${code}${info.where ? ' in ' + (info.where.name ? `chunk ${info.where.chunk}/${info.where.chunks} of ${info.where.name}` : info.where.part) : ''}` +
          `${info.offset !== undefined ? ' at byte ' + info.offset : ''}`);
    this.code = code;
    Object.assign(this, info);
  }
}

// Reads an archive (a File or Blob) with its passphrase and returns { sources: [{ name, sample, file }],
// settings }. Every record is authenticated before anything is returned: the caller adds nothing unless
// the whole archive is sound. Reads the file a record at a time; the decrypted chunks are folded into
// each source's Blob every 4 chunks.
export async function readArchive(archive, pass) {
  const size = archive.size;
  const at = async (off, n) => new Uint8Array(await archive.slice(off, off + n).arrayBuffer());
  const u32 = (b, o = 0) => new DataView(b.buffer, b.byteOffset).getUint32(o, true);
  const start = await at(0, 16);
  if (start.length < ARCHIVE_MAGIC.length || ARCHIVE_MAGIC.some((b, i) => start[i] !== b)) throw new ArchiveError('archive.not_archive', { size });
  const hl = start.length === 16 ? u32(start, 12) : 0;
  if (start.length < 16 || 16 + hl + 32 > size) {
    if (hl > 65536) throw new ArchiveError('archive.header_damaged', { where: { part: 'header' }, offset: 12, size });
    throw new ArchiveError('archive.truncated', { where: { part: 'header' }, offset: size, size });
  }
  if (hl < 2 || hl > 65536) throw new ArchiveError('archive.header_damaged', { where: { part: 'header' }, offset: 12, size });
  const headerBytes = await at(16, hl), sum = await at(16 + hl, 32);
  const want = new Uint8Array(await crypto.subtle.digest('SHA-256', concat([start, headerBytes])));
  let header = null;
  try { header = JSON.parse(dec.decode(headerBytes)); } catch (e) { /* damaged */ }
  if (want.some((b, i) => sum[i] !== b) || !header || typeof header !== 'object')
    throw new ArchiveError('archive.header_damaged', { where: { part: 'header' }, offset: 0, size });
  if (header.format !== ARCHIVE_FORMAT) throw new ArchiveError('archive.not_archive', { size });
  if (header.version !== ARCHIVE_VERSION) throw new ArchiveError('archive.version', { version: header.version, size });
  const chunk = header.chunk | 0;
  if (chunk < 1024 || !header.kdf || !header.check) throw new ArchiveError('archive.header_damaged', { where: { part: 'header' }, offset: 0, size });
  const key = await deriveKey(pass, unb64(header.kdf.salt), Math.max(MIN_ITERATIONS, header.kdf.iterations | 0));
  try { await open(key, unb64(header.check), aad('check', 0, true)); } catch (e) { throw new ArchiveError('archive.wrong_passphrase', { size }); }

  let off = 16 + hl + 32;
  const record = async (where, max) => {
    if (off + 4 > size) throw new ArchiveError('archive.truncated', { where, offset: size, size });
    const n = u32(await at(off, 4));
    if (n < 28 || n > max + 28) throw new ArchiveError('archive.damaged', { where, offset: off, size });
    if (off + 4 + n > size) throw new ArchiveError('archive.truncated', { where, offset: size, size });
    const rec = { bytes: await at(off + 4, n), offset: off };
    off += 4 + n;
    return rec;
  };
  const openRecord = async (rec, ad, where) => {
    try { return await open(key, rec.bytes, ad); } catch (e) { throw new ArchiveError('archive.damaged', { where, offset: rec.offset, size }); }
  };
  let manifest;
  {
    const where = { part: 'manifest' };
    const plain = await openRecord(await record(where, 64 * 1024 * 1024), aad('archive:manifest', 0, true), where);
    try { manifest = JSON.parse(dec.decode(plain)); } catch (e) { throw new ArchiveError('archive.damaged', { where, offset: 16 + hl + 32, size }); }
  }
  const sources = [];
  for (const x of manifest.sources || []) {
    const n = Math.max(1, Math.ceil(x.size / chunk));
    const type = x.type || '';
    let blob = new Blob([], { type }), parts = [];
    for (let i = 0; i < n; i++) {
      const where = { part: 'chunk', name: x.name, chunk: i + 1, chunks: n };
      const rec = await record(where, chunk);
      const plain = await openRecord(rec, aad(x.oid, i, i === n - 1), where);
      if (plain.length !== (i < n - 1 ? chunk : x.size - i * chunk)) throw new ArchiveError('archive.damaged', { where, offset: rec.offset, size });
      parts.push(plain);
      if (parts.length >= 4) { blob = new Blob([blob, ...parts], { type }); parts = []; }
    }
    sources.push({ name: x.name, sample: x.sample || null,
                   file: new File([blob, ...parts], x.name.replace(/^.*\//, ''), { type, lastModified: x.modified || Date.now() }) });
  }
  {
    const where = { part: 'end' };
    const rec = await record(where, 4096);
    const end = JSON.parse(dec.decode(await openRecord(rec, aad('archive:end', 0, true), where)));
    if (end.sources !== sources.length) throw new ArchiveError('archive.damaged', { where, offset: rec.offset, size });
  }
  if (off !== size) throw new ArchiveError('archive.trailing', { offset: off, size });
  return { sources, settings: manifest.settings || null };
}
