//! The app's shared state: signals for what the user chose, memos for what
//! core computes from it. Provided once by [`crate::App`] through context.
//! Everything the user changes is saved in the browser as it changes.

use crate::browser;
use leptos::prelude::*;
use thongbao_core::history::{self, Snapshot};
use thongbao_core::ingest::{self, IngestError, ReadOptions};
use thongbao_core::letter::{self, Letter, LetterFields, Profile};
use thongbao_core::model::Dataset;
use thongbao_core::saved::Saved;
use thongbao_core::stats::{self, Manual, Settings, Summary};
use thongbao_core::Lang;

/// Datasets above this many units are not kept in the browser (localStorage
/// holds ~5 MB, and serialising a province-year of rows would stall the
/// page): the figures stay on screen, and a note says the file is needed
/// again after a reload.
pub const PERSIST_MAX_UNITS: usize = 20_000;

/// localStorage key of the saved work.
pub const STORAGE_KEY: &str = "thongbao:state";

/// The last input, kept so the user can re-read it with other options
/// (encoding, sheet, column mapping).
#[derive(Clone, Debug, PartialEq)]
pub struct LastInput {
    pub files: Vec<(String, Vec<u8>)>,
    pub options: ReadOptions,
}

/// Everything components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub dataset: RwSignal<Dataset>,
    /// Whether the figures are the built-in sample.
    pub is_sample: RwSignal<bool>,
    /// The last input's error, if it could not be used.
    pub error: RwSignal<Option<IngestError>>,
    pub loading: RwSignal<bool>,
    /// Progress of a file read in the background (0.0–1.0).
    pub progress: RwSignal<Option<f64>>,
    pub manual: RwSignal<Manual>,
    pub settings: RwSignal<Settings>,
    pub fields: RwSignal<LetterFields>,
    pub profile: RwSignal<Profile>,
    pub summary: Memo<Summary>,
    /// `summary`, one frame later: the letter and the charts (thousands of
    /// rows and bars) follow the figures instead of holding them back.
    pub summary_late: RwSignal<Summary>,
    pub letter: Memo<Letter>,
    pub last_input: RwSignal<Option<LastInput>>,
    /// A warning about saving (storage full or disabled), if any.
    pub storage_warning: RwSignal<Option<String>>,
    /// The stored history of periods (IndexedDB), oldest first.
    pub history: RwSignal<Vec<Snapshot>>,
    /// Whether work is saved in the browser (not for embedded widgets).
    pub persist: bool,
}

/// Inputs of this size or more are read in a Web Worker.
pub const WORKER_FROM_BYTES: usize = 256 * 1024;

/// Read files on this thread, as one job.
fn read_here(files: &[(String, Vec<u8>)], options: &ReadOptions) -> Result<Dataset, IngestError> {
    ingest::job::run(files, options, PERSIST_MAX_UNITS, &mut |_| {})
}

/// Whether a dataset is too large to keep in the browser.
fn too_big(d: &RwSignal<Dataset>) -> bool {
    d.with_untracked(|d| d.periods.iter().map(|p| p.units.len()).sum::<usize>() > PERSIST_MAX_UNITS)
}

/// Run `run` after the next paint whenever what `track` reads changes;
/// changes before that paint are one run (`run_first`: also once at the
/// start). The returned flag says a run is waiting; clearing it cancels
/// that run (after running it by hand, as the save does on `pagehide`).
pub fn after_paint_on_change(
    track: impl Fn() + 'static,
    run_first: bool,
    run: impl Fn() + Clone + 'static,
) -> StoredValue<bool> {
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        track();
        if (first.is_some() || run_first) && !pending.get_value() {
            pending.set_value(true);
            let run = run.clone();
            // `try_`: the owner may be gone by the next frame (nothing to do then).
            browser::after_paint(move || {
                if pending.try_get_value() == Some(true) {
                    pending.try_set_value(false);
                    run();
                }
            });
        }
    });
    pending
}

/// The options to read again with when `result` asks for a column mapping
/// and the user chose one earlier for the same header (and none now).
fn remembered_retry(
    result: &Result<Dataset, IngestError>,
    options: &ReadOptions,
) -> Option<ReadOptions> {
    match result {
        Err(IngestError::NeedsMapping { headers, .. }) if options.mapping.is_none() => {
            browser::remembered_mapping(headers).map(|m| ReadOptions {
                mapping: Some(m),
                ..options.clone()
            })
        }
        _ => None,
    }
}

/// The worker's answer as a result: its JSON read, a cancellation as the
/// "cancelled" fetch error, and no worker after all read on this thread.
fn worker_result(
    answer: Result<String, String>,
    files: &[(String, Vec<u8>)],
    options: &ReadOptions,
) -> Result<Dataset, IngestError> {
    match answer {
        Ok(json) => ingest::job::from_json(&json),
        Err(e) if e == "cancelled" => Err(IngestError::Fetch {
            file: String::new(),
            detail: e,
        }),
        Err(_) => read_here(files, options),
    }
}

/// Every file's bytes; a file the browser cannot read (moved, locked)
/// reads as empty and gets the "empty file" message.
async fn read_all(handles: &[web_sys::File]) -> Vec<(String, Vec<u8>)> {
    let mut read = Vec::with_capacity(handles.len());
    for f in handles {
        read.push((f.name(), browser::read_file(f).await.unwrap_or_default()));
    }
    read
}

/// The sample dataset (the seed letter's appendix).
pub fn sample_dataset() -> Dataset {
    // The sample is compiled in and tested in core; a failure here would be
    // a build defect, not user input.
    ingest::read(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
    )
    .expect("built-in sample reads")
}

impl AppState {
    /// State restored from the browser (when `persist`), or the sample.
    pub fn new(persist: bool, lang_override: Option<Lang>) -> Self {
        let stored = if persist {
            browser::storage_get(STORAGE_KEY)
        } else {
            Ok(None)
        };
        let (saved, warning) = match stored {
            Ok(Some(json)) => match Saved::from_json(&json) {
                Ok(s) => (s, None),
                Err(e) => (Saved::default(), Some(e.to_string())),
            },
            Ok(None) => (Saved::default(), None),
            Err(w) => (Saved::default(), Some(w)),
        };
        let is_sample = saved.dataset.is_none();
        let lang = RwSignal::new(lang_override.unwrap_or(saved.lang));
        let dataset = RwSignal::new(saved.dataset.unwrap_or_else(sample_dataset));
        let manual = RwSignal::new(saved.manual);
        let settings = RwSignal::new(saved.settings);
        let fields = RwSignal::new(saved.fields);
        let profile = RwSignal::new(saved.profile.unwrap_or_else(letter::covid_qr));
        let summary = Memo::new(move |_| {
            dataset.with(|d| manual.with(|m| stats::summarize(d, m, &settings.get())))
        });
        let summary_late = RwSignal::new(summary.get_untracked());
        after_paint_on_change(
            move || summary.track(),
            false,
            move || summary_late.set(summary.get_untracked()),
        );
        let letter = Memo::new(move |_| {
            summary_late.with(|s| fields.with(|f| profile.with(|p| letter::build(s, f, p))))
        });
        let state = AppState {
            lang,
            dataset,
            is_sample: RwSignal::new(is_sample),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            progress: RwSignal::new(None),
            manual,
            settings,
            fields,
            profile,
            summary,
            summary_late,
            letter,
            last_input: RwSignal::new(None),
            storage_warning: RwSignal::new(warning),
            history: RwSignal::new(Vec::new()),
            persist,
        };
        if persist {
            // After the first paint, so start-up is not slowed.
            set_timeout(browser::warm_worker, std::time::Duration::from_millis(1500));
            state.save_on_change();
            state.follow_other_tabs();
            state.refresh_history();
        }
        state
    }

    /// Another tab of the app saved its work: take it, so the two tabs do
    /// not overwrite each other's edits.
    fn follow_other_tabs(&self) {
        let s = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            if let Some(Ok(saved)) = ev.new_value().map(|v| Saved::from_json(&v)) {
                s.restore(saved);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Reload the history list from IndexedDB.
    pub fn refresh_history(&self) {
        let s = *self;
        leptos::task::spawn_local(async move {
            if let Ok(h) = browser::history_all().await {
                s.history.set(h);
            }
        });
    }

    /// Keep every dated period of newly loaded data in the history.
    fn store_history(&self) {
        if !self.persist || too_big(&self.dataset) {
            return;
        }
        let s = *self;
        browser::after_paint(move || {
            leptos::task::spawn_local(async move {
                let area = s.fields.with_untracked(|f| f.area.clone());
                let snaps = s.dataset.with_untracked(|d| history::snapshots(d, &area));
                for snap in &snaps {
                    if let Err(e) = browser::history_put(snap).await {
                        s.storage_warning.set(Some(e));
                    }
                }
                s.refresh_history();
            })
        });
    }

    /// Compare with a stored period.
    pub fn use_as_previous(&self, snap: &Snapshot) {
        self.dataset
            .update(|d| *d = history::with_previous(d, snap));
    }

    /// Save the work whenever it changes: the effect only notes the change;
    /// the work is written once after the next paint (a new file's figures
    /// show first, and a burst of edits is one write).
    fn save_on_change(&self) {
        let s = *self;
        let pending = after_paint_on_change(
            move || {
                s.lang.track();
                s.fields.track();
                s.manual.track();
                s.settings.track();
                s.is_sample.track();
                s.dataset.track();
                s.profile.track();
            },
            true,
            move || s.save_now(),
        );
        // Leaving or hiding the page (reload, close, another tab) writes a
        // change still waiting for its frame.
        let flush = move || {
            if pending.get_value() {
                pending.set_value(false);
                s.save_now();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                flush();
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_hidden.remove();
        });
    }

    fn save_now(&self) {
        let s = *self;
        let saved = Saved {
            version: thongbao_core::saved::VERSION,
            lang: s.lang.get_untracked(),
            fields: s.fields.get_untracked(),
            manual: s.manual.get_untracked(),
            settings: s.settings.get_untracked(),
            dataset: if s.is_sample.get_untracked() || too_big(&s.dataset) {
                None
            } else {
                Some(s.dataset.get_untracked())
            },
            // Only a profile the office loaded is stored.
            profile: s
                .profile
                .with_untracked(|p| (*p != letter::covid_qr()).then(|| p.clone())),
        };
        match browser::storage_set(STORAGE_KEY, &saved.to_json()) {
            Ok(()) => {
                if s.storage_warning.get_untracked().is_some() {
                    s.storage_warning.set(None);
                }
            }
            Err(w) => s.storage_warning.set(Some(w)),
        }
    }

    /// Read files the user gave (name, bytes). On success they replace the
    /// figures; on failure the message is shown and the data stays.
    pub fn load_files(&self, files: Vec<(String, Vec<u8>)>) {
        self.load_with(files, ReadOptions::default());
    }

    /// Read files with the user's overrides. Large inputs are read in a Web
    /// Worker (progress bar, cancel, the page stays responsive); small ones
    /// at once. A column mapping the user chose earlier for the same header
    /// is applied when the header is not recognised.
    pub fn load_with(&self, files: Vec<(String, Vec<u8>)>, options: ReadOptions) {
        if files.is_empty() {
            self.loading.set(false);
            return;
        }
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        if !self.reads_in_worker(total) {
            let mut result = read_here(&files, &options);
            if let Some(again) = remembered_retry(&result, &options) {
                result = read_here(&files, &again);
            }
            self.finish_load(files, options, result);
            return;
        }
        let s = *self;
        s.loading.set(true);
        s.progress.set(Some(0.0));
        leptos::task::spawn_local(async move {
            let result = s.read_in_worker(&files, &options).await;
            s.finish_worker_load(files, options, result).await;
        });
    }

    /// Whether input of `total` bytes is read in the worker: large files in
    /// the app itself (an embedding page has no `worker.js` beside it).
    fn reads_in_worker(&self, total: usize) -> bool {
        total >= WORKER_FROM_BYTES && self.persist && browser::worker_available()
    }

    /// Load files the user chose. A large file goes to the worker as a
    /// `File` handle at once (the worker reads it itself), while this page
    /// reads its own copy for reading again with other options.
    pub fn load_handles(&self, handles: Vec<web_sys::File>) {
        let s = *self;
        let total = handles.iter().map(|f| f.size()).sum::<f64>() as usize;
        s.loading.set(true);
        if !s.reads_in_worker(total) {
            leptos::task::spawn_local(async move {
                s.load_files(read_all(&handles).await);
            });
            return;
        }
        s.progress.set(Some(0.0));
        let options = ReadOptions::default();
        let names: Vec<String> = handles.iter().map(|f| f.name()).collect();
        let sources = js_sys::Array::new();
        for f in &handles {
            sources.push(f);
        }
        let progress = s.progress;
        let job = browser::post_to_worker(
            &names,
            &sources,
            false,
            total,
            &options.to_json(),
            move |p| progress.set(Some(p)),
        );
        leptos::task::spawn_local(async move {
            let files = read_all(&handles).await;
            let result = match job {
                Ok(job) => worker_result(job.await, &files, &options),
                Err(_) => read_here(&files, &options),
            };
            s.finish_worker_load(files, options, result).await;
        });
    }

    /// After the worker's answer: a remembered column mapping is tried once
    /// for an unrecognised header; a cancelled read changes nothing.
    async fn finish_worker_load(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: ReadOptions,
        mut result: Result<Dataset, IngestError>,
    ) {
        if let Some(again) = remembered_retry(&result, &options) {
            result = self.read_in_worker(&files, &again).await;
        }
        self.progress.set(None);
        match result {
            // Cancelled: nothing changes.
            Err(IngestError::Fetch { ref detail, .. }) if detail == "cancelled" => {
                self.loading.set(false)
            }
            r => self.finish_load(files, options, r),
        }
    }

    async fn read_in_worker(
        &self,
        files: &[(String, Vec<u8>)],
        options: &ReadOptions,
    ) -> Result<Dataset, IngestError> {
        let progress = self.progress;
        let json = options.to_json();
        let answer = browser::run_in_worker(files, &json, move |p| progress.set(Some(p))).await;
        worker_result(answer, files, options)
    }

    fn finish_load(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: ReadOptions,
        result: Result<Dataset, IngestError>,
    ) {
        self.loading.set(false);
        self.last_input.set(Some(LastInput { files, options }));
        match result {
            Err(e) => self.error.set(Some(e)),
            Ok(d) => {
                self.error.set(None);
                if self.is_sample.get_untracked() {
                    // The sample's typed figures (its installs, its previous
                    // report) are not the clerk's: start their report clean.
                    self.manual.set(Manual::default());
                }
                self.is_sample.set(false);
                self.dataset.set(d);
                self.store_history();
            }
        }
    }

    /// Stop reading a large file.
    pub fn cancel_load(&self) {
        browser::cancel_worker();
        self.progress.set(None);
        self.loading.set(false);
    }

    /// Re-read the last input with changed options.
    pub fn reread(&self, change: impl FnOnce(&mut ReadOptions)) {
        if let Some(mut last) = self.last_input.get_untracked() {
            change(&mut last.options);
            self.load_with(last.files, last.options);
        }
    }

    /// Put back saved work (from a backup file).
    pub fn restore(&self, saved: Saved) {
        self.lang.set(saved.lang);
        self.profile
            .set(saved.profile.unwrap_or_else(letter::covid_qr));
        self.fields.set(saved.fields);
        self.manual.set(saved.manual);
        self.settings.set(saved.settings);
        match saved.dataset {
            Some(d) => {
                self.is_sample.set(false);
                self.dataset.set(d);
            }
            None => {
                self.is_sample.set(true);
                self.dataset.set(sample_dataset());
            }
        }
        self.error.set(None);
    }

    /// Use an office's report profile: its letterhead, texts and thresholds.
    pub fn use_profile(&self, p: Profile) {
        self.fields.set(p.fields.clone());
        self.settings.update(|s| s.thresholds = p.thresholds);
        self.profile.set(p);
    }

    /// The current profile with the current fields and thresholds, to save
    /// as the office's own.
    pub fn current_profile(&self) -> Profile {
        let mut p = self.profile.get_untracked();
        p.fields = self.fields.get_untracked();
        p.thresholds = self.settings.with_untracked(|s| s.thresholds);
        p
    }

    /// Back to the built-in sample and the seed letter.
    pub fn reset_to_sample(&self) {
        self.profile.set(letter::covid_qr());
        self.error.set(None);
        self.last_input.set(None);
        self.is_sample.set(true);
        self.dataset.set(sample_dataset());
        self.manual.set(letter::sample_manual());
        self.fields
            .set(self.profile.with_untracked(|p| p.fields.clone()));
        self.settings.set(Settings::default());
    }

    /// Refuse a file by its size, before reading it.
    pub fn refuse_too_large(&self, name: &str, size: f64) -> bool {
        match ingest::check_size(name, size as u64) {
            Ok(()) => false,
            Err(e) => {
                self.error.set(Some(e));
                true
            }
        }
    }
}

/// The state from context.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
