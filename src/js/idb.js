// IndexedDB for the history of periods: one object store, string keys,
// JSON string values. Promise-based; errors reject with a message.
const DB = "thongbao";
const STORE = "history";

function open() {
  return new Promise((resolve, reject) => {
    if (!("indexedDB" in globalThis)) { reject("IndexedDB unavailable"); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(String(req.error));
  });
}

function run(mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = fn(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(result.value); };
    tx.onerror = () => { db.close(); reject(String(tx.error)); };
    tx.onabort = () => { db.close(); reject(String(tx.error)); };
  }));
}

export function idb_put(key, value) {
  return run("readwrite", (s) => { s.put(value, key); return {}; });
}

export function idb_delete(key) {
  return run("readwrite", (s) => { s.delete(key); return {}; });
}

export function idb_clear() {
  return run("readwrite", (s) => { s.clear(); return {}; });
}

/** All values, as an array of JSON strings. */
export function idb_all() {
  return run("readonly", (s) => {
    const out = { value: [] };
    const req = s.getAll();
    req.onsuccess = () => { out.value = req.result; };
    return out;
  });
}
