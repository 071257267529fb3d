//! Which report is active: the built-in profiles and the office's own, the
//! switch a file's header asks for (and the way back), and the options a
//! read gets so a header can fit any report.

use super::{AppState, Data};
use crate::browser;
use leptos::prelude::*;
use std::sync::Arc;
use thongbao_core::ingest::{self, ReadOptions, ReportHeaders};
use thongbao_core::letter::{self, profile, Profile};
use thongbao_core::model::Dataset;

/// The office's own profiles (made in the designer or opened from a file),
/// as a JSON list of profile files.
pub const OWN_PROFILES_KEY: &str = "thongbao:profiles";

/// The built-in profiles, then the office's own kept in the browser (an
/// unreadable or faulty entry is left out, never a panic).
pub fn all_profiles(persist: bool) -> Vec<Profile> {
    let mut out = profile::builtins();
    if persist {
        if let Ok(Some(json)) = browser::storage_get(OWN_PROFILES_KEY) {
            for p in profile::list_from_json(&json) {
                if !out.iter().any(|q| q.id == p.id) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The sample dataset of a profile's own sample file (the COVID report's
/// is `Data::sample`, the seed's).
pub fn sample_for(p: &Profile) -> Option<Data> {
    let (name, text) = profile::sample_of(&p.id)?;
    let opts = options_for(std::slice::from_ref(p), Some(p));
    ingest::read_with(text.as_bytes(), name, &opts)
        .ok()
        .map(|d| Data::Sample(Arc::new(d)))
}

fn options_for(profiles: &[Profile], active: Option<&Profile>) -> ReadOptions {
    ReadOptions {
        reports: profiles
            .iter()
            .filter_map(|p| {
                Some(ReportHeaders {
                    id: p.id.clone(),
                    words: p.report.as_ref()?.header_words(),
                })
            })
            .collect(),
        active_report: active.map(|p| p.id.clone()),
        ..ReadOptions::default()
    }
}

impl AppState {
    /// Section 1 as the active report writes it from the figures (what
    /// the form shows until the clerk edits it).
    pub fn generated_section1(&self, f: &thongbao_core::letter::LetterFields) -> String {
        let c = self.figures.get();
        self.spec.with(|spec| {
            self.profile
                .with(|p| letter::generated_section1(&c, spec, f, p))
        })
    }

    /// Options for a new read: every report's header words, and which one
    /// is active (it wins a tie).
    pub fn read_options(&self) -> ReadOptions {
        let active = self.profile.get_untracked();
        self.profiles
            .with_untracked(|ps| options_for(ps, Some(&active)))
    }

    /// The report a dataset's last file fitted, when it is not the active
    /// one: that report becomes active and the page offers the way back.
    pub(super) fn follow_report(&self, d: &Dataset) {
        let Some(src) = d.sources.last() else { return };
        // A file that fits no report's words was read by the built-in
        // column rules: the COVID report's.
        let fitted = src.report.as_deref().unwrap_or(profile::COVID_ID);
        let active = self.profile.get_untracked();
        // The active report, or a copy of it that reads the same columns.
        let reads_builtin = active
            .report
            .as_ref()
            .is_none_or(|r| r.reads_builtin_roles());
        if fitted == active.id || (src.report.is_none() && reads_builtin) {
            return;
        }
        let next = self
            .profiles
            .with_untracked(|ps| ps.iter().find(|p| p.id == fitted).cloned());
        if let Some(next) = next {
            self.switched_from.set(Some(self.current_profile()));
            self.use_keeping_identity(next);
        }
    }

    /// Back to the report that was active before a file switched it.
    pub fn switch_back(&self) {
        if let Some(p) = self.switched_from.get_untracked() {
            self.switched_from.set(None);
            self.use_profile(p);
        }
    }

    /// Make a profile of the list active; on the sample, show that
    /// report's own sample.
    pub fn choose_profile(&self, id: &str) {
        let Some(p) = self
            .profiles
            .with_untracked(|ps| ps.iter().find(|p| p.id == id).cloned())
        else {
            return;
        };
        self.switched_from.set(None);
        let on_sample = self.data.with_untracked(Data::is_sample);
        if on_sample {
            let covid = p.id == profile::COVID_ID;
            if let Some(d) = sample_for(&p).or_else(|| covid.then(Data::sample)) {
                self.set_data(d);
            }
            if covid {
                self.manual.set(profile::sample_manual());
            }
        }
        self.use_keeping_identity(p);
    }

    /// Use a profile; an issuer, area and signer the clerk typed (not the
    /// active profile's own) stay: another report is still this office's.
    fn use_keeping_identity(&self, p: Profile) {
        let mine = self.fields.get_untracked();
        let typed = self
            .profile
            .with_untracked(|q| !mine.same_identity(&q.fields));
        self.use_profile(p);
        if typed {
            self.fields
                .update(|f| *f = f.clone().with_identity_of(&mine));
        }
    }

    /// Read the last input again with the reports as they are now (a
    /// report made or opened may fit its columns).
    pub fn reread_with_reports(&self) {
        let opts = self.read_options();
        self.reread(move |o| {
            o.reports = opts.reports;
            o.active_report = opts.active_report;
            o.mapping = None;
        });
    }

    /// Keep a profile as one of the office's own (replacing one of the
    /// same id) and make it active.
    pub fn keep_own_profile(&self, p: Profile) {
        let builtins = profile::builtins();
        let p = profile::as_own(p, &builtins);
        self.profiles
            .update(|ps| match ps.iter_mut().find(|q| q.id == p.id) {
                Some(q) => *q = p.clone(),
                None => ps.push(p.clone()),
            });
        if self.persist {
            let own: Vec<Profile> = self.profiles.with_untracked(|ps| {
                ps.iter()
                    .filter(|p| !builtins.iter().any(|b| b.id == p.id))
                    .cloned()
                    .collect()
            });
            let json = profile::list_to_json(&own);
            if let Err(e) = browser::storage_set(OWN_PROFILES_KEY, &json) {
                self.storage_warning.set(Some(match e {
                    browser::StorageError::Off => super::save::SaveProblem::StorageOff,
                    _ => super::save::SaveProblem::StorageFull,
                }));
            }
        }
        self.use_profile(p);
    }
}
