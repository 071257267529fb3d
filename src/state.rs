//! The app's shared state: signals for what the user chose, memos for what
//! core computes from it. Provided once by [`crate::App`] through context.

use leptos::prelude::*;
use thongbao_core::ingest::{self, IngestError};
use thongbao_core::model::Dataset;
use thongbao_core::stats::{self, Manual, Settings, Summary};
use thongbao_core::Lang;

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
    pub manual: RwSignal<Manual>,
    pub settings: RwSignal<Settings>,
    pub summary: Memo<Summary>,
}

/// The sample dataset (the seed letter's appendix).
pub fn sample_dataset() -> Dataset {
    // The sample is compiled in and tested in core; a failure here would be
    // a build defect, not user input.
    ingest::read(thongbao_core::SAMPLE_CSV.as_bytes(), thongbao_core::SAMPLE_NAME)
        .expect("built-in sample reads")
}

impl AppState {
    pub fn new() -> Self {
        let lang = RwSignal::new(Lang::Vi);
        let dataset = RwSignal::new(sample_dataset());
        let manual = RwSignal::new(thongbao_core::letter::sample_manual());
        let settings = RwSignal::new(Settings::default());
        let summary = Memo::new(move |_| {
            dataset.with(|d| manual.with(|m| stats::summarize(d, m, &settings.get())))
        });
        AppState {
            lang,
            dataset,
            is_sample: RwSignal::new(true),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            manual,
            settings,
            summary,
        }
    }

    /// Read files the user gave (name, bytes). On success they replace the
    /// figures; on failure the message is shown and the data stays.
    pub fn load_files(&self, files: Vec<(String, Vec<u8>)>) {
        let mut parts = Vec::new();
        for (name, bytes) in &files {
            match ingest::read(bytes, name) {
                Ok(d) => parts.push(d),
                Err(e) => {
                    self.error.set(Some(e));
                    return;
                }
            }
        }
        if parts.is_empty() {
            return;
        }
        self.error.set(None);
        self.is_sample.set(false);
        self.dataset.set(Dataset::merge(parts));
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

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The state from context.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
