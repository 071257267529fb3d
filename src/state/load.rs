//! Loading files: the picker, drops, paste and `?src=` all end here. Small
//! inputs are read on the page's thread; large ones in the Web Worker
//! (progress bar, cancel, the page stays responsive). On success the files
//! replace the figures; on failure the message is shown and the data stays.

use super::{AppState, Data, Loading};
use crate::browser::{self, WorkerAnswer};
use leptos::prelude::*;
use thongbao_core::ingest::{self, IngestError, ReadOptions};
use thongbao_core::model::Dataset;
use thongbao_core::stats::Manual;

/// Datasets are compacted to the units of their last periods above this
/// many units (older periods keep their totals): see `ingest::job`.
pub const COMPACT_ABOVE_UNITS: usize = 20_000;

/// Inputs of this size or more are read in a Web Worker.
pub const WORKER_FROM_BYTES: usize = 256 * 1024;

/// The last input, kept so the user can re-read it with other options
/// (encoding, sheet, column mapping).
#[derive(Clone, Debug, PartialEq)]
pub struct LastInput {
    pub files: Vec<(String, Vec<u8>)>,
    pub options: ReadOptions,
}

/// What a read gave: a dataset, an error, or nothing (cancelled).
enum Outcome {
    Read(Result<Dataset, IngestError>),
    Cancelled,
}

/// Read files on this thread, as one job.
pub(super) fn read_here(
    files: &[(String, Vec<u8>)],
    options: &ReadOptions,
) -> Result<Dataset, IngestError> {
    ingest::job::run(files, options, COMPACT_ABOVE_UNITS, &mut |_| {})
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

/// The worker's answer as an outcome; a worker that could not do the job
/// means this thread reads the files.
fn worker_outcome(
    answer: WorkerAnswer,
    files: &[(String, Vec<u8>)],
    options: &ReadOptions,
) -> Outcome {
    match answer {
        WorkerAnswer::Done(json) => Outcome::Read(ingest::job::from_json(&json)),
        WorkerAnswer::Cancelled => Outcome::Cancelled,
        WorkerAnswer::Failed => Outcome::Read(read_here(files, options)),
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

/// The file name in a URL ("…/so-lieu%20tuan.xlsx?x" → "so-lieu tuan.xlsx").
fn name_in_url(url: &str) -> String {
    url.split(['?', '#'])
        .next()
        .and_then(|p| p.rsplit('/').next())
        .filter(|n| !n.is_empty())
        .map(|n| {
            js_sys::decode_uri_component(n)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| n.to_string())
        })
        .unwrap_or_else(|| url.to_string())
}

impl AppState {
    fn set_reading(&self, progress: Option<f64>) {
        self.loading.set(Loading::Reading { progress });
    }

    /// Read files the user gave (name, bytes).
    pub fn load_files(&self, files: Vec<(String, Vec<u8>)>) {
        self.load_with(files, self.read_options());
    }

    /// Read files with the user's overrides. A column mapping the user
    /// chose earlier for the same header is applied when the header is not
    /// recognised.
    pub fn load_with(&self, files: Vec<(String, Vec<u8>)>, options: ReadOptions) {
        if files.is_empty() {
            self.loading.set(Loading::Idle);
            return;
        }
        // A "Hồ ssơ lưu" (.zip of thongbao) is opened, not read as data.
        if self.open_if_archive(&files) {
            return;
        }
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        if !self.reads_in_worker(total) {
            let mut result = read_here(&files, &options);
            let mut options = options;
            if let Some(again) = remembered_retry(&result, &options) {
                result = read_here(&files, &again);
                // Kept with the input: what it was read with.
                options = again;
            }
            self.finish_load(files, options, result);
            return;
        }
        let s = *self;
        s.set_reading(Some(0.0));
        leptos::task::spawn_local(async move {
            let outcome = s.read_in_worker(&files, &options).await;
            s.finish_worker_load(files, options, outcome).await;
        });
    }

    /// Load the file named by `?src=` (a file the host serves).
    pub fn load_src(&self, url: String) {
        let s = *self;
        s.set_reading(None);
        leptos::task::spawn_local(async move {
            match browser::fetch_bytes(&url).await {
                Ok(bytes) => s.load_files(vec![(name_in_url(&url), bytes)]),
                Err(e) => {
                    s.loading.set(Loading::Idle);
                    s.error.set(Some(IngestError::Fetch {
                        file: url,
                        fault: e.fetch_fault(),
                    }));
                }
            }
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
        // A .zip may be a "Hồ sơ lưu": read here, where it is recognised.
        let zip = handles
            .iter()
            .any(|f| f.name().to_ascii_lowercase().ends_with(".zip"));
        if zip || !s.reads_in_worker(total) {
            s.set_reading(None);
            leptos::task::spawn_local(async move {
                s.load_files(read_all(&handles).await);
            });
            return;
        }
        s.set_reading(Some(0.0));
        let options = s.read_options();
        let names: Vec<String> = handles.iter().map(|f| f.name()).collect();
        let sources = js_sys::Array::new();
        for f in &handles {
            sources.push(f);
        }
        let job = browser::post_to_worker(
            &names,
            &sources,
            false,
            total,
            &options.to_json(),
            move |p| s.set_reading(Some(p)),
        );
        leptos::task::spawn_local(async move {
            let files = read_all(&handles).await;
            let outcome = match job {
                Ok(job) => worker_outcome(job.await, &files, &options),
                Err(_) => Outcome::Read(read_here(&files, &options)),
            };
            s.finish_worker_load(files, options, outcome).await;
        });
    }

    /// After the worker's answer: a remembered column mapping is tried once
    /// for an unrecognised header; a cancelled read changes nothing.
    async fn finish_worker_load(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: ReadOptions,
        outcome: Outcome,
    ) {
        // The worker's answer was just read back (for a million rows, tens
        // of milliseconds): the figures are shown in the next task, so the
        // two are not one long task.
        browser::next_task().await;
        let mut options = options;
        let outcome = match outcome {
            Outcome::Read(r) => match remembered_retry(&r, &options) {
                Some(again) => {
                    let o = self.read_in_worker(&files, &again).await;
                    options = again;
                    o
                }
                None => Outcome::Read(r),
            },
            Outcome::Cancelled => Outcome::Cancelled,
        };
        match outcome {
            Outcome::Cancelled => self.loading.set(Loading::Idle),
            Outcome::Read(r) => self.finish_load(files, options, r),
        }
    }

    async fn read_in_worker(&self, files: &[(String, Vec<u8>)], options: &ReadOptions) -> Outcome {
        let s = *self;
        let json = options.to_json();
        let answer = browser::run_in_worker(files, &json, move |p| s.set_reading(Some(p))).await;
        worker_outcome(answer, files, options)
    }

    fn finish_load(
        &self,
        files: Vec<(String, Vec<u8>)>,
        options: ReadOptions,
        result: Result<Dataset, IngestError>,
    ) {
        self.loading.set(Loading::Idle);
        self.last_input.set(Some(LastInput { files, options }));
        self.archive_status.set(super::ArchiveStatus::None);
        self.input_of.set(None);
        match result {
            Err(e) => self.error.set(Some(e)),
            Ok(d) => {
                self.error.set(None);
                if self.data.with_untracked(Data::is_sample) {
                    // The sample's typed figures (its installs, its previous
                    // report) are not the clerk's: start their report clean.
                    self.manual.set(Manual::default());
                }
                self.follow_report(&d);
                self.set_data(Data::loaded(d));
                self.input_of
                    .set(self.data.with_untracked(|d| d.id().map(str::to_owned)));
                self.store_history();
            }
        }
    }

    /// Stop reading a large file.
    pub fn cancel_load(&self) {
        browser::cancel_worker();
        self.loading.set(Loading::Idle);
    }

    /// Re-read the last input with changed options.
    pub fn reread(&self, change: impl FnOnce(&mut ReadOptions)) {
        if let Some(mut last) = self.last_input.get_untracked() {
            change(&mut last.options);
            self.load_with(last.files, last.options);
        }
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
