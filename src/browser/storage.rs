//! The browser's storage: localStorage for the work (small, written at
//! once), IndexedDB (`src/js/idb.js`) for the history of periods and a
//! large dataset. Errors are typed; the page words them
//! (`state::save::SaveProblem`).

use super::js_text;
use thongbao_core::history::Snapshot;
use thongbao_core::ingest::{header, Role};
use wasm_bindgen::prelude::*;

/// Why the browser did not store something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage is disabled (private mode, blocked by policy).
    Off,
    /// The quota is used up.
    Full,
    /// IndexedDB failed or is missing; its own words.
    Database(String),
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Off)?
        .local_storage()
        .map_err(|_| StorageError::Off)?
        .ok_or(StorageError::Off)
}

/// Read a saved value.
pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Off)
}

/// Save a value.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|_| StorageError::Full)
}

/// Remove a saved value.
pub fn storage_remove(key: &str) {
    if let Ok(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Remove every key this app saved in localStorage.
pub fn storage_clear_all() {
    if let Ok(s) = local_storage() {
        let n = s.length().unwrap_or(0);
        let keys: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with("thongbao:"))
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }
}

const MAPPING_PREFIX: &str = "thongbao:mapping:";

/// The column mapping the user chose for a file with this header, if any.
pub fn remembered_mapping(headers: &[String]) -> Option<Vec<Option<Role>>> {
    let sig = header::signature(headers);
    let stored = storage_get(&format!("{MAPPING_PREFIX}{sig}")).ok()??;
    Some(header::mapping_from_stored(&stored))
}

/// Remember a column mapping for files with this header.
pub fn remember_mapping(headers: &[String], mapping: &[Option<Role>]) {
    let sig = header::signature(headers);
    let _ = storage_set(
        &format!("{MAPPING_PREFIX}{sig}"),
        &header::mapping_to_json(mapping),
    );
}

#[wasm_bindgen(module = "/src/js/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_put(store: &str, key: &str, value: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_get(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_clear(store: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_all(store: &str) -> Result<JsValue, JsValue>;
}

const HISTORY: &str = "history";
const DATA: &str = "data";
/// The one record of the data store: the current large dataset.
const CURRENT: &str = "current";

fn db_error(e: JsValue) -> StorageError {
    StorageError::Database(js_text(&e))
}

/// The stored history (IndexedDB), oldest first.
pub async fn history_all() -> Result<Vec<Snapshot>, StorageError> {
    let v = idb_all(HISTORY).await.map_err(db_error)?;
    let arr = js_sys::Array::from(&v);
    let mut out: Vec<_> = arr
        .iter()
        .filter_map(|x| x.as_string())
        .filter_map(|s| Snapshot::from_json(&s))
        .collect();
    thongbao_core::order::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then(a.area.cmp(&b.area))
    });
    Ok(out)
}

/// Store a snapshot (replacing the one of the same area and date).
pub async fn history_put(s: &Snapshot) -> Result<(), StorageError> {
    idb_put(HISTORY, &s.key(), &s.to_json())
        .await
        .map(|_| ())
        .map_err(db_error)
}

/// Delete a snapshot.
pub async fn history_delete(key: &str) -> Result<(), StorageError> {
    idb_delete(HISTORY, key).await.map(|_| ()).map_err(db_error)
}

/// Delete the whole history and the stored dataset.
pub async fn database_clear() -> Result<(), StorageError> {
    idb_clear(HISTORY).await.map_err(db_error)?;
    idb_clear(DATA).await.map(|_| ()).map_err(db_error)
}

/// Keep a large dataset (`saved::StoredData` JSON with its dataset).
pub async fn data_put(json: &str) -> Result<(), StorageError> {
    idb_put(DATA, CURRENT, json)
        .await
        .map(|_| ())
        .map_err(db_error)
}

/// The large dataset kept by [`data_put`], if any.
pub async fn data_get() -> Result<Option<String>, StorageError> {
    let v = idb_get(DATA, CURRENT).await.map_err(db_error)?;
    Ok(v.as_string())
}

/// Forget the large dataset.
pub async fn data_delete() -> Result<(), StorageError> {
    idb_delete(DATA, CURRENT)
        .await
        .map(|_| ())
        .map_err(db_error)
}
