//! "Hồ sơ lưu" in the app: which input files the figures shown came from,
//! the archive of the current work (core's `archive::build`), and opening
//! one, which [`super::load`] tries before anything is read as data.

use super::load::{read_here, LastInput};
use super::{AppState, Data, Loading};
use leptos::prelude::*;
use thongbao_core::archive::{self, ArchiveError, Meta, Opened};
use thongbao_core::export::{docx, report_table, table};
use thongbao_core::saved::{self, Saved};
use thongbao_core::{SAMPLE_CSV, SAMPLE_NAME};

/// The last archive opened, or why it could not be.
#[derive(Clone, Debug, Default)]
pub enum ArchiveStatus {
    #[default]
    None,
    /// Restored: the figures shown are `data_id`'s (`None`: the sample).
    Restored {
        data_id: Option<String>,
        /// Its report date as the letter writes it.
        date: Option<String>,
        /// When it was made.
        made: String,
    },
    /// Refused; nothing changed.
    Failed(ArchiveError),
}

/// Whether `files` are the built-in sample, exactly.
fn is_sample(files: &[(String, Vec<u8>)]) -> bool {
    matches!(files, [(n, b)] if n == SAMPLE_NAME && b == SAMPLE_CSV.as_bytes())
}

impl AppState {
    /// The input files (and read options) of the figures shown, when the
    /// page has them: the sample's CSV for the untouched sample, the last
    /// input when it made the data shown. Data restored from the browser
    /// or a backup has no input files (they are not kept).
    pub fn shown_input(&self) -> Option<LastInput> {
        self.data.with_untracked(|d| match d {
            // The sample as built in: not joined with a stored period
            // ("Dữ liệu đã lưu"), which its CSV would not give again.
            Data::Sample(ds) => {
                (ds.periods.len() == Data::sample().dataset().periods.len()).then(|| LastInput {
                    files: vec![(SAMPLE_NAME.to_string(), SAMPLE_CSV.as_bytes().to_vec())],
                    options: Default::default(),
                })
            }
            Data::Loaded { id, .. } => {
                if self
                    .input_of
                    .with_untracked(|i| i.as_deref() == Some(id.as_str()))
                {
                    self.last_input.get_untracked()
                } else {
                    None
                }
            }
        })
    }

    /// The archive of the current work (file name, bytes), made at `made`
    /// (ISO time with the offset); `None` when the input files are unknown.
    pub fn archive(&self, made: String) -> Option<(String, Vec<u8>)> {
        let input = self.shown_input()?;
        let letter = self.letter.get_untracked();
        let lang = self.lang.get_untracked();
        let profile = self.current_profile();
        // The table and totals of the report shown.
        let c = self.figures.get_untracked();
        let (rows, date, totals) = self.spec.with_untracked(|spec| {
            (
                report_table::report_table(&c, spec, &profile, lang),
                c.current.date,
                archive::report_totals(&c, spec),
            )
        });
        let work = Saved {
            version: saved::VERSION,
            lang,
            fields: self.fields.get_untracked(),
            manual: self.manual.get_untracked(),
            settings: self.settings.get_untracked(),
            dataset: None,
            profile: Some(profile.clone()),
        };
        let meta = Meta {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            made,
            report_date: date,
            read_options: input.options.clone(),
            totals,
            letter_name: format!("{}.docx", letter.file_stem),
            table_name: match date {
                Some(d) => format!("so-lieu-{}.xlsx", d.iso()),
                None => "so-lieu.xlsx".to_string(),
            },
        };
        let bytes = archive::build(
            &input.files,
            &docx::write(&letter),
            &table::to_xlsx(&rows),
            &profile.to_json(),
            &work.to_json(),
            &meta,
        );
        Some((format!("{}-ho-so-luu.zip", letter.file_stem), bytes))
    }

    /// When `files` is one thongbao archive, open it and say so (`true`);
    /// otherwise `false`: the files are data, for ingest.
    pub(super) fn open_if_archive(&self, files: &[(String, Vec<u8>)]) -> bool {
        let [(_, bytes)] = files else {
            return false;
        };
        match archive::open(bytes) {
            Err(ArchiveError::NotArchive) => false,
            Err(e) => {
                self.loading.set(Loading::Idle);
                self.archive_status.set(ArchiveStatus::Failed(e));
                true
            }
            Ok(opened) => {
                self.restore_archive(opened);
                true
            }
        }
    }

    /// Read the archive's inputs again with its read options; only when
    /// they read, take its profile, fields, figures and settings.
    fn restore_archive(&self, o: Opened) {
        self.loading.set(Loading::Idle);
        let options = o.read_options().clone();
        let sample = is_sample(&o.inputs);
        let data = if sample {
            Data::sample()
        } else {
            match read_here(&o.inputs, &options) {
                Ok(d) => Data::loaded(d),
                Err(e) => {
                    self.archive_status
                        .set(ArchiveStatus::Failed(ArchiveError::Unreadable(e)));
                    return;
                }
            }
        };
        let data_id = data.id().map(str::to_owned);
        self.error.set(None);
        self.profile.set(o.profile);
        self.fields.set(o.work.fields);
        self.manual.set(o.work.manual);
        self.settings.set(o.work.settings);
        self.set_data(data);
        self.input_of.set(data_id.clone());
        self.last_input.set((!sample).then_some(LastInput {
            files: o.inputs,
            options,
        }));
        self.archive_status.set(ArchiveStatus::Restored {
            data_id,
            date: o.manifest.report_date_text(),
            made: o.manifest.made,
        });
    }

    /// The restored archive's date and time made, while its figures are shown.
    pub fn restored_archive(&self) -> Option<(Option<String>, String)> {
        let id = self.data.with(|d| d.id().map(str::to_owned));
        self.archive_status.with(|s| match s {
            ArchiveStatus::Restored {
                data_id,
                date,
                made,
            } if *data_id == id => Some((date.clone(), made.clone())),
            _ => None,
        })
    }
}
