//! Keeping the work in this browser, so a reload, a crash or a second tab
//! never loses it.
//!
//! Two localStorage keys, written at different times:
//! - [`STATE_KEY`], the work (language, letter fields, typed figures,
//!   thresholds, the office's profile): small, written at once on every
//!   change, so a reload right after an edit keeps it;
//! - [`DATA_KEY`], which data is shown (`saved::StoredData`): written only
//!   when the data changes (a file loaded, a backup restored, "clear my
//!   data"), never by an edit. Up to [`INLINE_MAX_UNITS`] units the data is
//!   kept whole there; a larger dataset goes to IndexedDB and is only
//!   named there.
//!
//! Another tab's edit reaches this tab; another tab's data is offered,
//! never taken without the clerk's choice.

use super::{AppState, Data, Loading};
use crate::browser::{self, StorageError};
use crate::i18n::{t, K};
use leptos::prelude::*;
use std::sync::Arc;
use thongbao_core::format;
use thongbao_core::history;
use thongbao_core::letter;
use thongbao_core::model::Dataset;
use thongbao_core::saved::{RestoreError, Saved, StoredData, StoredDataHead};
use thongbao_core::Lang;

/// localStorage key of the work.
pub const STATE_KEY: &str = "thongbao:state";
/// localStorage key of the data (see the module's documentation).
pub const DATA_KEY: &str = "thongbao:data";
/// Up to this many units the data is kept in localStorage (its ≈ 5 MB
/// quota); above, in IndexedDB, which holds far more.
pub const INLINE_MAX_UNITS: usize = 20_000;

/// Whether the data on screen is kept in this browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// The built-in sample: nothing to keep.
    #[default]
    Sample,
    /// Being written.
    Saving,
    /// Kept: a reload shows it again.
    Kept,
    /// Not kept: a reload will need the file again (see the warning).
    NotKept,
}

/// A problem keeping the work, worded for the clerk.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    StorageOff,
    StorageFull,
    /// The data could not be kept; a reload needs the file again.
    DataNotKept {
        name: String,
        units: usize,
    },
    /// The kept data is gone (storage cleared by the browser).
    DataMissing {
        name: String,
    },
    /// Another tab cleared the kept data; this tab's is no longer kept.
    DataClearedElsewhere,
    /// The history of periods could not be stored.
    HistoryNotKept,
    /// The saved work could not be read.
    Restore(RestoreError),
}

impl SaveProblem {
    fn of(e: &StorageError) -> SaveProblem {
        match e {
            StorageError::Off => SaveProblem::StorageOff,
            StorageError::Full | StorageError::Database(_) => SaveProblem::StorageFull,
        }
    }

    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use SaveProblem::*;
        let vi = lang == Lang::Vi;
        match self {
            StorageOff => t(lang, K::StorageOff).to_string(),
            StorageFull => t(lang, K::StorageFull).to_string(),
            DataNotKept { name, units } if vi => format!(
                "Dữ liệu «{name}» ({} đơn vị) không lưu được trong trình duyệt này: sau khi tải lại trang, cần mở lại tệp.",
                format::int(*units as i64)
            ),
            DataNotKept { name, units } => format!(
                "The data of “{name}” ({} units) could not be kept in this browser: after a reload, open the file again.",
                format::int(*units as i64)
            ),
            DataMissing { name } if vi => format!(
                "Dữ liệu đã lưu «{name}» không còn trong trình duyệt: hãy mở lại tệp. Trang đang hiện dữ liệu mẫu."
            ),
            DataMissing { name } => format!(
                "The kept data of “{name}” is no longer in this browser: open the file again. The page shows the sample."
            ),
            DataClearedElsewhere => t(lang, K::DataClearedElsewhere).to_string(),
            HistoryNotKept => t(lang, K::HistoryNotKept).to_string(),
            Restore(e) => e.message(lang),
        }
    }
}

/// What start-up found in the browser.
#[derive(Default)]
pub struct Restored {
    pub saved: Saved,
    /// The data, when kept with the work.
    pub data: Option<Data>,
    /// The data kept in IndexedDB, to restore after start.
    pub in_database: Option<StoredDataHead>,
    pub status: SaveStatus,
    pub problem: Option<SaveProblem>,
}

/// A new id for a load: the time and a counter (unique in this browser).
pub fn new_data_id() -> String {
    thread_local!(static N: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = N.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{}-{n}", js_sys::Date::now() as u64)
}

/// The work and the data kept in this browser.
pub fn restore_work() -> Restored {
    let mut r = Restored::default();
    match browser::storage_get(STATE_KEY) {
        Ok(Some(json)) => match Saved::from_json(&json) {
            Ok(s) => r.saved = s,
            Err(e) => r.problem = Some(SaveProblem::Restore(e)),
        },
        Ok(None) => {}
        Err(e) => r.problem = Some(SaveProblem::of(&e)),
    }
    // Work saved before the data had a key of its own carries the data.
    let older = r.saved.dataset.take();
    match browser::storage_get(DATA_KEY).ok().flatten() {
        Some(json) => match StoredData::from_json(&json) {
            Ok(StoredData {
                id,
                dataset: Some(d),
                ..
            }) => {
                r.data = Some(Data::Loaded {
                    id,
                    dataset: Arc::new(d),
                });
                r.status = SaveStatus::Kept;
            }
            Ok(StoredData {
                id, name, units, ..
            }) => {
                r.in_database = Some(StoredDataHead { id, name, units });
                r.status = SaveStatus::Kept;
            }
            Err(e) => r.problem = Some(SaveProblem::Restore(e)),
        },
        None => {
            if let Some(d) = older {
                let data = Data::loaded(d);
                if let Data::Loaded { id, dataset } = &data {
                    let record = StoredData::new(id.clone(), dataset, true);
                    if browser::storage_set(DATA_KEY, &record.to_json()).is_ok() {
                        r.status = SaveStatus::Kept;
                    }
                }
                r.data = Some(data);
            }
        }
    }
    r
}

impl AppState {
    /// The work as saved (without the data: it has its own key).
    fn work(&self) -> Saved {
        Saved {
            version: thongbao_core::saved::VERSION,
            lang: self.lang.get_untracked(),
            fields: self.fields.get_untracked(),
            manual: self.manual.get_untracked(),
            settings: self.settings.get_untracked(),
            dataset: None,
            // Only a profile the office loaded is stored.
            profile: self
                .profile
                .with_untracked(|p| (*p != letter::covid_qr()).then(|| p.clone())),
        }
    }

    /// The work with its data, for a backup file.
    pub fn work_with_data(&self) -> Saved {
        let mut saved = self.work();
        saved.dataset = self.data.with_untracked(|d| match d {
            Data::Sample(_) => None,
            Data::Loaded { dataset, .. } => Some(Dataset::clone(dataset)),
        });
        saved
    }

    fn warn(&self, problem: Option<SaveProblem>) {
        if self.storage_warning.with_untracked(|w| *w != problem) {
            self.storage_warning.set(problem);
        }
    }

    /// Write the work at once whenever it changes.
    pub(super) fn save_on_change(&self) {
        let s = *self;
        Effect::new(move |_| {
            s.lang.track();
            s.fields.track();
            s.manual.track();
            s.settings.track();
            s.profile.track();
            match browser::storage_set(STATE_KEY, &s.work().to_json()) {
                Ok(()) => {
                    let stale = s.storage_warning.with_untracked(|w| {
                        matches!(w, Some(SaveProblem::StorageOff | SaveProblem::StorageFull))
                    });
                    if stale {
                        s.warn(None);
                    }
                }
                Err(e) => s.warn(Some(SaveProblem::of(&e))),
            }
        });
    }

    /// Show `next` and keep it in the browser (loaded data) or forget the
    /// kept data (the sample).
    pub fn set_data(&self, next: Data) {
        let keep = match &next {
            Data::Loaded { id, dataset } => Some((id.clone(), dataset.clone())),
            Data::Sample(_) => None,
        };
        self.data.set(next);
        self.other_tab_data.set(None);
        if !self.persist {
            return;
        }
        match keep {
            Some((id, dataset)) => self.keep_data(id, dataset),
            None => {
                browser::storage_remove(DATA_KEY);
                leptos::task::spawn_local(async {
                    let _ = browser::data_delete().await;
                });
                self.save_status.set(SaveStatus::Sample);
            }
        }
    }

    /// Write the data after the next paint (its figures show first).
    fn keep_data(&self, id: String, dataset: Arc<Dataset>) {
        let s = *self;
        s.save_status.set(SaveStatus::Saving);
        browser::after_paint(move || {
            let units = dataset.unit_rows();
            if units <= INLINE_MAX_UNITS {
                let whole = StoredData::new(id.clone(), &dataset, true);
                if browser::storage_set(DATA_KEY, &whole.to_json()).is_ok() {
                    s.data_kept(&id);
                    leptos::task::spawn_local(async {
                        let _ = browser::data_delete().await;
                    });
                    return;
                }
            }
            leptos::task::spawn_local(async move {
                let whole = StoredData::new(id.clone(), &dataset, true);
                let named = StoredData::new(id.clone(), &dataset, false);
                let written = match browser::data_put(&whole.to_json()).await {
                    // Only if no newer load replaced it meanwhile.
                    Ok(()) if s.data.with_untracked(|d| d.id() == Some(id.as_str())) => {
                        browser::storage_set(DATA_KEY, &named.to_json())
                    }
                    Ok(()) => return,
                    Err(e) => Err(e),
                };
                match written {
                    Ok(()) => s.data_kept(&id),
                    Err(_) => {
                        s.save_status.set(SaveStatus::NotKept);
                        s.warn(Some(SaveProblem::DataNotKept {
                            name: dataset.source_names(),
                            units,
                        }));
                    }
                }
            });
        });
    }

    fn data_kept(&self, id: &str) {
        if self.data.with_untracked(|d| d.id() == Some(id)) {
            self.save_status.set(SaveStatus::Kept);
            let stale = self.storage_warning.with_untracked(|w| {
                matches!(
                    w,
                    Some(SaveProblem::DataNotKept { .. } | SaveProblem::DataClearedElsewhere)
                )
            });
            if stale {
                self.warn(None);
            }
        }
    }

    /// This tab's data, kept again (after another tab loaded or cleared its
    /// own): the clerk chose to keep what this tab shows.
    pub fn keep_this_tab_data(&self) {
        self.other_tab_data.set(None);
        if let Some((id, dataset)) = self.data.with_untracked(|d| match d {
            Data::Loaded { id, dataset } => Some((id.clone(), dataset.clone())),
            Data::Sample(_) => None,
        }) {
            self.keep_data(id, dataset);
        }
    }

    /// Show the data another tab loaded (the clerk chose it).
    pub fn use_other_tab_data(&self) {
        let Some(head) = self.other_tab_data.get_untracked() else {
            return;
        };
        self.other_tab_data.set(None);
        let inline = browser::storage_get(DATA_KEY)
            .ok()
            .flatten()
            .and_then(|json| StoredData::from_json(&json).ok());
        match inline {
            Some(StoredData {
                id,
                dataset: Some(d),
                ..
            }) => self.show_kept(id, d),
            _ => self.restore_from_database(head),
        }
    }

    /// Data read back from storage: shown, not written again.
    fn show_kept(&self, id: String, dataset: Dataset) {
        self.data.set(Data::Loaded {
            id,
            dataset: Arc::new(dataset),
        });
        self.save_status.set(SaveStatus::Kept);
        self.error.set(None);
    }

    /// Read the large dataset kept in IndexedDB (start-up, or another
    /// tab's data the clerk chose).
    pub(super) fn restore_from_database(&self, head: StoredDataHead) {
        let s = *self;
        s.loading.set(Loading::Restoring);
        leptos::task::spawn_local(async move {
            let kept = browser::data_get()
                .await
                .ok()
                .flatten()
                .and_then(|json| StoredData::from_json(&json).ok());
            match kept {
                Some(StoredData {
                    id,
                    dataset: Some(d),
                    ..
                }) => s.show_kept(id, d),
                _ => {
                    s.save_status
                        .set(if s.data.with_untracked(Data::is_sample) {
                            SaveStatus::Sample
                        } else {
                            SaveStatus::Kept
                        });
                    s.warn(Some(SaveProblem::DataMissing { name: head.name }));
                }
            }
            s.loading.set(Loading::Idle);
        });
    }

    /// Another tab saved: take its edits at once; offer its data.
    pub(super) fn follow_other_tabs(&self) {
        let s = *self;
        let handle =
            window_event_listener(leptos::ev::storage, move |ev| match ev.key().as_deref() {
                Some(STATE_KEY) => {
                    if let Some(Ok(saved)) = ev.new_value().map(|v| Saved::from_json(&v)) {
                        s.restore_work(&saved);
                    }
                }
                Some(DATA_KEY) => s.other_tab_data_changed(ev.new_value()),
                _ => {}
            });
        on_cleanup(move || handle.remove());
    }

    fn other_tab_data_changed(&self, new_value: Option<String>) {
        let ours = self.data.with_untracked(|d| d.id().map(str::to_string));
        match new_value.as_deref().and_then(StoredData::head_from_json) {
            Some(head) if Some(&head.id) == ours.as_ref() => {}
            Some(head) if ours.is_none() && !self.is_busy() => {
                // This tab shows the sample: nothing of the clerk's to lose.
                self.other_tab_data.set(Some(head));
                self.use_other_tab_data();
            }
            Some(head) => {
                self.save_status.set(SaveStatus::NotKept);
                self.other_tab_data.set(Some(head));
            }
            None if ours.is_some() => {
                self.save_status.set(SaveStatus::NotKept);
                self.warn(Some(SaveProblem::DataClearedElsewhere));
            }
            None => {}
        }
    }

    /// Keep every dated period of newly loaded data in the history.
    pub(super) fn store_history(&self) {
        // A province-year of units would stall the page while it is
        // written; its periods stay in the kept dataset.
        if !self.persist || self.dataset_untracked(|d| d.unit_rows()) > INLINE_MAX_UNITS {
            return;
        }
        let s = *self;
        browser::after_paint(move || {
            leptos::task::spawn_local(async move {
                let area = s.fields.with_untracked(|f| f.area.clone());
                let snaps = s.dataset_untracked(|d| history::snapshots(d, &area));
                for snap in &snaps {
                    if browser::history_put(snap).await.is_err() {
                        s.warn(Some(SaveProblem::HistoryNotKept));
                    }
                }
                s.refresh_history();
            })
        });
    }

    /// "Clear my data": every key, the history and the kept dataset.
    pub fn clear_everything(&self) {
        browser::storage_clear_all();
        let s = *self;
        leptos::task::spawn_local(async move {
            let _ = browser::database_clear().await;
            s.refresh_history();
        });
        self.reset_to_sample();
        self.warn(None);
    }
}
