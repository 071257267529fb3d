// IndexedDB for what is too large for localStorage: the history of periods
// ("history": one snapshot per area and date) and a large loaded dataset
// ("data": the record under "current"). String keys, JSON string values.
// Promise-based; errors reject with a message.
const DB = "thongbao";
const STORES = ["history", "data"];

function open() {
  return new Promise((resolve, reject) => {
    if (!("indexedDB" in globalThis)) { reject("IndexedDB unavailable"); return; }
    const req = indexedDB.open(DB, 2);
    req.onupgradeneeded = () => {
      for (const s of STORES) {
        if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(String(req.error));
    req.onblocked = () => reject("IndexedDB blocked by another tab");
  });
}

function run(store, mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    // An older tab holding version 1 must let this one upgrade.
    db.onversionchange = () => db.close();
    const tx = db.transaction(store, mode);
    const result = fn(tx.objectStore(store));
    tx.oncomplete = () => { db.close(); resolve(result.value); };
    tx.onerror = () => { db.close(); reject(String(tx.error)); };
    tx.onabort = () => { db.close(); reject(String(tx.error)); };
  }));
}

export function idb_put(store, key, value) {
  return run(store, "readwrite", (s) => { s.put(value, key); return {}; });
}

export function idb_get(store, key) {
  return run(store, "readonly", (s) => {
    const out = { value: undefined };
    const req = s.get(key);
    req.onsuccess = () => { out.value = req.result; };
    return out;
  });
}

export function idb_delete(store, key) {
  return run(store, "readwrite", (s) => { s.delete(key); return {}; });
}

export function idb_clear(store) {
  return run(store, "readwrite", (s) => { s.clear(); return {}; });
}

/** All values, as an array of JSON strings. */
export function idb_all(store) {
  return run(store, "readonly", (s) => {
    const out = { value: [] };
    const req = s.getAll();
    req.onsuccess = () => { out.value = req.result; };
    return out;
  });
}
