//! The report designer: an office makes its own report without code.
//!
//! It edits the active profile's definition in place — indicators (a
//! file's columns, found by header words), measures (ratios, sums, ranks),
//! classes, the group column, the sentences of section 1 — so the letter
//! below is the live preview. It starts from
//! the file's columns or from any report in the list; "keep" puts it in
//! the list (kept in the browser) and reads the file again with it; the
//! profile's JSON is saved and opened with the letter form's `ProfileIo`. A definition with
//! faults is shown with them (`designer-problems`) and still previews.

mod form;

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use thongbao_core::ingest::IngestError;
use thongbao_core::letter::Profile;
use thongbao_core::source::figure_headers;
use thongbao_core::spec::ReportSpec;

/// The figure columns of the last input: the header it could not map, or
/// the columns of the file read.
fn file_columns(state: AppState) -> Vec<String> {
    if let Some(IngestError::NeedsMapping { headers, roles, .. }) = state.error.get_untracked() {
        return figure_headers(&headers, &roles);
    }
    state.dataset_untracked(|d| {
        d.sources
            .last()
            .map(|s| s.figure_headers())
            .unwrap_or_default()
    })
}

/// The name, the sentences, the faults and the keep button.
#[component]
fn Texts() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let problems = move || {
        state.profile.with(|p| {
            p.report
                .as_ref()
                .map(|r| {
                    r.problems()
                        .iter()
                        .map(|x| x.message(lang.get()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let keep = move |_| {
        let p: Profile = state.current_profile();
        state.keep_own_profile(p);
        state.reread_with_reports();
    };
    view! {
        <label class="tb-field tb-wide">
            <span>{tr(K::Sentences)}</span>
            <textarea rows="6" data-testid="designer-sentences" prop:value=move || state.profile.with(|p| p.section1.clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.profile.update(|p| p.section1 = v);
                    state.fields.update(|f| f.section1 = None);
                }></textarea>
        </label>
        <When when=move || !problems().is_empty()>
            <div class="tb-warning" role="status" data-testid="designer-problems">
                <strong>{tr(K::Problems)}</strong>
                <ul>{move || problems().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        </When>
        <div class="tb-table-tools">
            <button type="button" data-testid="designer-keep" on:click=keep
                prop:disabled=move || !problems().is_empty()>{tr(K::KeepReport)}</button>
        </div>
    }
}

/// `designer`: the whole panel.
#[component]
pub fn Designer() -> impl IntoView {
    let state = use_state();
    let from_columns = move |_| {
        let cols = file_columns(state);
        let spec = ReportSpec::from_columns(&cols);
        let base = state.current_profile();
        let name = t(state.lang.get_untracked(), K::NewReport).to_string();
        let mut p = Profile::designed(&base, &name, spec);
        state
            .profiles
            .with_untracked(|ps| p.numbered_apart(|id| ps.iter().any(|q| q.id == id)));
        state.use_profile(p.clone());
        state.keep_own_profile(p);
        state.reread_with_reports();
    };
    let generic = move || state.profile.with(|p| p.report.is_some());
    view! {
        <details class="tb-designer no-print" data-testid="designer">
            <summary>{tr(K::Designer)}</summary>
            <p class="tb-hint">{tr(K::DesignerHelp)}</p>
            <button type="button" class="tb-secondary" data-testid="designer-from-columns" on:click=from_columns>
                {tr(K::FromColumns)}
            </button>
            <When when=generic>
                <label class="tb-field">
                    <span>{tr(K::ReportName)}</span>
                    <input type="text" data-testid="designer-name" prop:value=move || state.profile.with(|p| p.name.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.profile.update(|p| p.name = v);
                        } />
                </label>
                <form::DesignerForm />
            </When>
            <Texts />
        </details>
    }
}
