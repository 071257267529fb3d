//! The measures: ratios (accounts / residents, accounts / target), sums of
//! criteria (a weighted total) and ranks (overall or within the group
//! column), each over the report's figures.

use super::fields::{
    edit, figure_ids, rows_key, spec_untracked, words, Check, Field, FigureSelect,
};
use crate::i18n::{t, tr, K};
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use thongbao_core::spec::{Formula, MeasureDef, ReportSpec, FORMULA_KINDS};

/// The select's label of a formula kind.
fn kind_label(kind: &str) -> K {
    match kind {
        "sum" => K::FormulaSum,
        "rank" => K::FormulaRank,
        _ => K::FormulaRatio,
    }
}

/// The inputs of one formula: its figures, by kind. Each changes only
/// its own part of the formula as it is when the input changes (the row
/// is not rebuilt on every edit, so nothing it was built with is reused).
fn formula_inputs(state: AppState, n: usize, f: &Formula, ids: Vec<String>) -> AnyView {
    let set = move |f: fn(&mut Formula, String)| {
        move |v: String| {
            edit(state, |r| {
                if let Some(m) = r.measures.get_mut(n) {
                    f(&mut m.formula, v)
                }
            })
        }
    };
    match f.clone() {
        Formula::Ratio { num, den } => view! {
            <FigureSelect label=K::Numerator testid=format!("measure-num-{n}") value=num ids=ids.clone()
                on_set=set(|f, v| if let Formula::Ratio { num, .. } = f { *num = v }) />
            <FigureSelect label=K::Denominator testid=format!("measure-den-{n}") value=den ids=ids
                on_set=set(|f, v| if let Formula::Ratio { den, .. } = f { *den = v }) />
        }
        .into_any(),
        Formula::Sum { of } => view! {
            <Field label=K::SumOf testid=format!("measure-of-{n}") value=of.join("; ")
                on_set=set(|f, v| if let Formula::Sum { of } = f { *of = words(&v) }) />
        }
        .into_any(),
        Formula::Rank { of, within_group } => view! {
            <FigureSelect label=K::Of testid=format!("measure-rank-of-{n}") value=of ids=ids
                on_set=set(|f, v| if let Formula::Rank { of, .. } = f { *of = v }) />
            <Check label=K::WithinGroup testid=format!("measure-within-group-{n}") value=within_group
                on_set=move |w: bool| edit(state, |r| {
                    if let Some(Formula::Rank { within_group, .. }) = r.measures.get_mut(n).map(|m| &mut m.formula) {
                        *within_group = w;
                    }
                }) />
        }
        .into_any(),
    }
}

/// One row per measure.
#[component]
pub(super) fn MeasureRows() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // Rebuilt on the measures' ids and kinds, and the figures offered.
    let key = rows_key(state, |r| {
        r.measures
            .iter()
            .map(|m| format!("{}:{}", m.id, m.formula.kind()))
            .chain(figure_ids(r))
            .collect()
    });
    let rows = move || {
        key.with(|_| ());
        lang.track();
        let (ms, ids) = spec_untracked(state, |r| (r.measures.clone(), figure_ids(r)));
        ms.into_iter()
            .enumerate()
            .map(|(n, m)| {
                let set = move |f: fn(&mut MeasureDef, String)| {
                    move |v: String| edit(state, |r| if let Some(x) = r.measures.get_mut(n) { f(x, v) })
                };
                let kind = m.formula.kind();
                let kinds = FORMULA_KINDS
                    .map(|k| view! { <option value=k selected=k == kind>{t(lang.get_untracked(), kind_label(k))}</option> });
                let set_kind = move |v: String| edit(state, |r| r.set_formula_kind(n, &v));
                view! {
                    <div class="tb-designer-row" data-testid="designer-measure">
                        <Field label=K::Id testid=format!("measure-id-{n}") value=m.id.clone() on_set=set(|x, v| x.id = v) />
                        <Field label=K::Name testid=format!("measure-name-{n}") value=m.name.clone() on_set=set(|x, v| x.name = v) />
                        <label class="tb-field">
                            <span>{tr(K::FormulaKind)}</span>
                            <select data-testid=format!("measure-kind-{n}") on:change=move |ev| set_kind(event_target_value(&ev))>{kinds}</select>
                        </label>
                        {formula_inputs(state, n, &m.formula, ids.clone())}
                        <button type="button" class="tb-secondary tb-small" on:click=move |_| edit(state, |r| { r.measures.remove(n); })>
                            {tr(K::Remove)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| edit(state, ReportSpec::add_ratio);
    view! {
        <h3>{tr(K::Measures)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-measure" on:click=add>{tr(K::AddMeasure)}</button>
    }
}
