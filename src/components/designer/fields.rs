//! What every part of the designer uses: editing the active definition,
//! the rows' rebuild key, and the small inputs (a text field, a select of
//! the report's figures, a checkbox).

use crate::i18n::{tr, K};
use crate::state::AppState;
use leptos::prelude::*;
use thongbao_core::spec::ReportSpec;

/// Change the active definition (a report without one gets an empty one).
pub(super) fn edit(state: AppState, f: impl FnOnce(&mut ReportSpec)) {
    state
        .profile
        .update(|p| f(p.report.get_or_insert_with(ReportSpec::default)));
}

/// "a; b" → ["a", "b"].
pub(super) fn words(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A text input that commits on change.
#[component]
pub(super) fn Field(
    /// Shown above the input.
    label: K,
    /// `data-testid` of the input.
    testid: String,
    /// The current text.
    value: String,
    /// Called with the new text (one `Callback` type, so the component is
    /// instantiated once, not once per caller's closure).
    #[prop(into)]
    on_set: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="tb-field">
            <span>{tr(label)}</span>
            <input type="text" data-testid=testid prop:value=value
                on:change=move |ev| on_set.run(event_target_value(&ev)) />
        </label>
    }
}

/// A `<select>` of the report's figure ids.
#[component]
pub(super) fn FigureSelect(
    /// Shown above it.
    label: K,
    /// `data-testid` of the select.
    testid: String,
    /// The chosen id.
    value: String,
    /// The ids to choose from.
    ids: Vec<String>,
    /// Called with the chosen id.
    #[prop(into)]
    on_set: Callback<String>,
) -> impl IntoView {
    let options = ids
        .into_iter()
        .map(|id| {
            let sel = id == value;
            view! { <option value=id.clone() selected=sel>{id.clone()}</option> }
        })
        .collect_view();
    view! {
        <label class="tb-field">
            <span>{tr(label)}</span>
            <select data-testid=testid on:change=move |ev| on_set.run(event_target_value(&ev))>{options}</select>
        </label>
    }
}

/// The figure ids of the definition (indicators, then measures).
pub(super) fn figure_ids(r: &ReportSpec) -> Vec<String> {
    r.indicators
        .iter()
        .map(|i| i.id.clone())
        .chain(r.measures.iter().map(|m| m.id.clone()))
        .collect()
}

/// What a list of rows is rebuilt on: the report, and the ids of its rows
/// (and of the figures its selects offer). Not every edit: a field left
/// with Tab keeps the next one focused.
pub(super) fn rows_key(
    state: AppState,
    ids: fn(&ReportSpec) -> Vec<String>,
) -> Memo<(String, Vec<String>)> {
    Memo::new(move |_| {
        state
            .profile
            .with(|p| (p.id.clone(), p.report.as_ref().map(ids).unwrap_or_default()))
    })
}

/// Part of the definition, read without tracking (see [`rows_key`]; the
/// rows read the key with `with`: `Memo::track` alone does not bring a
/// stale memo up to date, so the rows would never be rebuilt).
pub(super) fn spec_untracked<T: Default>(state: AppState, f: impl FnOnce(&ReportSpec) -> T) -> T {
    state
        .profile
        .with_untracked(|p| p.report.as_ref().map(f).unwrap_or_default())
}

/// A checkbox that commits on change.
#[component]
pub(super) fn Check(
    /// Shown beside it.
    label: K,
    /// `data-testid` of the input.
    testid: String,
    /// Whether it is ticked.
    value: bool,
    /// Called with the new state.
    #[prop(into)]
    on_set: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="tb-field tb-check">
            <input type="checkbox" data-testid=testid prop:checked=value
                on:change=move |ev| on_set.run(event_target_checked(&ev)) />
            <span>{tr(label)}</span>
        </label>
    }
}
