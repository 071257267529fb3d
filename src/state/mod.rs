//! The app's shared state: what the clerk chose and loaded, as types, and
//! the memos that call core. Provided once by [`crate::app::Widget`]
//! through context. Loading files is in [`load`], keeping the work in the
//! browser in [`save`].
//!
//! Components read the state and call its methods; they never set the
//! data, the loading state or a saving problem themselves.

pub mod archive;
pub mod load;
pub mod report;
pub mod save;

use crate::browser;
use leptos::prelude::*;
use save::{SaveProblem, SaveStatus};
use std::sync::Arc;
use thongbao_core::engine::{self, Computed};
use thongbao_core::history::{self, Snapshot};
use thongbao_core::ingest::{self, IngestError};
use thongbao_core::letter::{self, Letter, LetterFields, Profile};
use thongbao_core::model::Dataset;
use thongbao_core::saved::{Saved, StoredDataHead};
use thongbao_core::spec::ReportSpec;
use thongbao_core::stats::{Manual, Settings};
use thongbao_core::Lang;

pub use archive::ArchiveStatus;
pub use load::LastInput;

/// The figures the page shows.
#[derive(Clone, Debug)]
pub enum Data {
    /// The built-in sample (the seed letter's appendix table).
    Sample(Arc<Dataset>),
    /// Files the clerk loaded (or a backup restored); `id` names this load
    /// in the browser's storage.
    Loaded { id: String, dataset: Arc<Dataset> },
}

impl Data {
    /// The sample dataset.
    pub fn sample() -> Data {
        // The sample is compiled in and tested in core; a failure here
        // would be a build defect, not user input.
        let d = ingest::read(
            thongbao_core::SAMPLE_CSV.as_bytes(),
            thongbao_core::SAMPLE_NAME,
        )
        .expect("built-in sample reads");
        Data::Sample(Arc::new(d))
    }

    /// Data the clerk loaded, with a new id.
    pub fn loaded(dataset: Dataset) -> Data {
        Data::Loaded {
            id: save::new_data_id(),
            dataset: Arc::new(dataset),
        }
    }

    pub fn dataset(&self) -> &Dataset {
        match self {
            Data::Sample(d) | Data::Loaded { dataset: d, .. } => d,
        }
    }

    pub fn is_sample(&self) -> bool {
        matches!(self, Data::Sample(_))
    }

    /// The storage id of loaded data (`None` for the sample).
    pub fn id(&self) -> Option<&str> {
        match self {
            Data::Sample(_) => None,
            Data::Loaded { id, .. } => Some(id),
        }
    }
}

/// What the page is waiting for, if anything.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Loading {
    Idle,
    /// Files being read; `progress` (0.0–1.0) when read in the worker,
    /// which can be cancelled.
    Reading {
        progress: Option<f64>,
    },
    /// The data kept in the browser's database, at start-up.
    Restoring,
}

/// Everything components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub data: RwSignal<Data>,
    /// The last input's error, if it could not be used.
    pub error: RwSignal<Option<IngestError>>,
    pub loading: RwSignal<Loading>,
    pub manual: RwSignal<Manual>,
    pub settings: RwSignal<Settings>,
    pub fields: RwSignal<LetterFields>,
    /// The report profile. Its thresholds and letter fields are the
    /// defaults `use_profile` copies into `settings` and `fields`, which
    /// the clerk then edits; `current_profile` puts them back.
    pub profile: RwSignal<Profile>,
    /// The built-in reports and the office's own (`profile-select`).
    pub profiles: RwSignal<Vec<Profile>>,
    /// The report that was active before a file switched it (the page
    /// offers to go back).
    pub switched_from: RwSignal<Option<Profile>>,
    /// The active report's definition (`letter::profile::spec_of`: the
    /// COVID report's with the clerk's thresholds and decimals).
    pub spec: Memo<Arc<ReportSpec>>,
    /// The active report's figures (the COVID report's with the figures
    /// typed by hand): what the cards, lists, table, exports, archive and
    /// embed events show.
    pub figures: Memo<Arc<Computed>>,
    /// `spec` and `figures`, one frame later: the charts (thousands of
    /// bars) follow the cards instead of holding them back; the letter
    /// reads a second copy, so its task is not theirs.
    pub figures_late: Signal<(Arc<ReportSpec>, Arc<Computed>)>,
    pub letter: Memo<Letter>,
    pub last_input: RwSignal<Option<LastInput>>,
    /// The id of the loaded data `last_input` made (`None` after a failed
    /// input, a backup or a reload): the archive's inputs are known only then.
    pub input_of: RwSignal<Option<String>>,
    /// The last "Hồ sơ lưu" opened, or why it was refused.
    pub archive_status: RwSignal<ArchiveStatus>,
    /// Whether the data is kept in the browser, and why not.
    pub save_status: RwSignal<SaveStatus>,
    /// A problem keeping the work (storage full or disabled), if any.
    pub storage_warning: RwSignal<Option<SaveProblem>>,
    /// Data another tab loaded since this one did: offered, never taken
    /// without the clerk's choice.
    pub other_tab_data: RwSignal<Option<StoredDataHead>>,
    /// The stored history of periods (IndexedDB), oldest first.
    pub history: RwSignal<Vec<Snapshot>>,
    /// Whether work is saved in the browser (not for embedded widgets).
    pub persist: bool,
}

/// Run `run` after the next paint whenever what `track` reads changes;
/// changes before that paint are one run (`run_first`: also once at the
/// start).
pub fn after_paint_on_change(
    track: impl Fn() + 'static,
    run_first: bool,
    run: impl Fn() + Clone + 'static,
) {
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
}

/// `source`, one frame later (see [`AppState::figures_late`]).
fn after_paint_copy<T: Clone + Send + Sync + 'static>(source: Memo<T>) -> Signal<T> {
    let late = RwSignal::new(source.get_untracked());
    after_paint_on_change(
        move || source.track(),
        false,
        move || late.set(source.get_untracked()),
    );
    late.into()
}

impl AppState {
    /// State restored from the browser (when `persist`), or the sample.
    pub fn new(persist: bool, lang_override: Option<Lang>) -> Self {
        let restored = if persist {
            save::restore_work()
        } else {
            save::Restored::default()
        };
        let Saved {
            lang: saved_lang,
            fields: saved_fields,
            manual: saved_manual,
            settings: saved_settings,
            profile: saved_profile,
            ..
        } = restored.saved;
        let lang = RwSignal::new(lang_override.unwrap_or(saved_lang));
        let active = saved_profile.unwrap_or_else(letter::covid_qr);
        let data = RwSignal::new(
            restored
                .data
                .or_else(|| report::sample_for(&active))
                .unwrap_or_else(Data::sample),
        );
        let manual = RwSignal::new(saved_manual);
        let settings = RwSignal::new(saved_settings);
        let fields = RwSignal::new(saved_fields);
        let profile = RwSignal::new(active);
        let spec = Memo::new(move |_| {
            profile.with(|p| Arc::new(letter::profile::spec_of(p, &settings.get())))
        });
        let figures = Memo::new(move |_| {
            // The figures typed by hand are the COVID report's.
            let typed = match spec.with(|s| s.reads_builtin_roles()) {
                true => manual.with(Manual::typed),
                false => engine::Typed::default(),
            };
            spec.with(|spec| {
                Arc::new(data.with(|d| engine::compute_with(d.dataset(), spec, &typed)))
            })
        });
        let pair = Memo::new(move |_| (spec.get(), figures.get()));
        let figures_late = after_paint_copy(pair);
        // The letter's own copy: its after-paint task is not the charts'
        // (each takes tens of milliseconds at 3.321 units).
        let letter_late = after_paint_copy(pair);
        let letter = Memo::new(move |_| {
            letter_late
                .with(|(spec, c)| fields.with(|f| profile.with(|p| letter::build(c, spec, f, p))))
        });
        let loading = if restored.in_database.is_some() {
            Loading::Restoring
        } else {
            Loading::Idle
        };
        let state = AppState {
            lang,
            data,
            error: RwSignal::new(None),
            loading: RwSignal::new(loading),
            manual,
            settings,
            fields,
            profile,
            profiles: RwSignal::new(report::all_profiles(persist)),
            switched_from: RwSignal::new(None),
            spec,
            figures,
            figures_late,
            letter,
            last_input: RwSignal::new(None),
            input_of: RwSignal::new(None),
            archive_status: RwSignal::new(ArchiveStatus::None),
            save_status: RwSignal::new(restored.status),
            storage_warning: RwSignal::new(restored.problem),
            other_tab_data: RwSignal::new(None),
            history: RwSignal::new(Vec::new()),
            persist,
        };
        if persist {
            if let Some(head) = restored.in_database {
                state.restore_from_database(head);
            }
            // After the first paint, so start-up is not slowed.
            set_timeout(browser::warm_worker, std::time::Duration::from_millis(1500));
            state.save_on_change();
            state.follow_other_tabs();
            state.refresh_history();
        }
        state
    }

    /// The current dataset, read without tracking.
    pub fn dataset_untracked<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with_untracked(|d| f(d.dataset()))
    }

    /// The current dataset, read in a reactive context.
    pub fn with_dataset<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.data.with(|d| f(d.dataset()))
    }

    pub fn is_sample(&self) -> bool {
        self.data.with(Data::is_sample)
    }

    /// Whether files are being read or the stored data restored.
    pub fn is_busy(&self) -> bool {
        self.loading.with(|l| *l != Loading::Idle)
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

    /// Compare with a stored period: the data gains that period, so it is
    /// kept again (loaded data) under a new id.
    pub fn use_as_previous(&self, snap: &Snapshot) {
        let next = self.data.with_untracked(|d| {
            let joined = history::with_previous(d.dataset(), snap);
            match d {
                Data::Sample(_) => Data::Sample(Arc::new(joined)),
                Data::Loaded { .. } => Data::loaded(joined),
            }
        });
        self.set_data(next);
    }

    /// Put back saved work (from a backup file).
    pub fn restore(&self, saved: Saved) {
        self.restore_work(&saved);
        self.set_data(saved.dataset.map(Data::loaded).unwrap_or_else(Data::sample));
        self.error.set(None);
    }

    /// Take saved work's language, fields, figures, settings and profile
    /// (not its data).
    fn restore_work(&self, saved: &Saved) {
        self.lang.set(saved.lang);
        self.profile
            .set(saved.profile.clone().unwrap_or_else(letter::covid_qr));
        self.fields.set(saved.fields.clone());
        self.manual.set(saved.manual.clone());
        self.settings.set(saved.settings);
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
        self.switched_from.set(None);
        self.profile.set(letter::covid_qr());
        self.error.set(None);
        self.last_input.set(None);
        self.set_data(Data::sample());
        self.manual.set(letter::sample_manual());
        self.fields
            .set(self.profile.with_untracked(|p| p.fields.clone()));
        self.settings.set(Settings::default());
    }
}

/// The state from context.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
