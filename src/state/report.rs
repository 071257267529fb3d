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

/// The sample dataset of a profile: its own sample file, or the COVID
/// seed's.
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
        active_report: active.filter(|p| p.report.is_some()).map(|p| p.id.clone()),
        ..ReadOptions::default()
    }
}

impl AppState {
    /// Section 1 as the active report writes it from the figures (what
    /// the form shows until the clerk edits it).
    pub fn generated_section1(&self, f: &thongbao_core::letter::LetterFields) -> String {
        let computed = self.computed.get();
        self.profile.with(|p| match (&computed, &p.report) {
            (Some(c), Some(spec)) => letter::generated_section1_report(c, spec, f, p),
            _ => self.summary.with(|s| letter::generated_section1(s, f, p)),
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
        let active = self.profile.get_untracked();
        let active_id = active.report.is_some().then(|| active.id.clone());
        if src.report == active_id {
            return;
        }
        let next = self.profiles.with_untracked(|ps| match &src.report {
            Some(id) => ps.iter().find(|p| p.id == *id).cloned(),
            None => ps.iter().find(|p| p.report.is_none()).cloned(),
        });
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
            if let Some(d) = sample_for(&p).or_else(|| p.report.is_none().then(Data::sample)) {
                self.set_data(d);
            }
            if p.report.is_none() {
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
