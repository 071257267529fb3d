//! The indicators: a file's columns, each with its id, name, the header
//! words that find its column, the word after its figure and its decimals.

use super::fields::{edit, rows_key, spec_untracked, words, Field};
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::engine::MAX_DECIMALS;
use thongbao_core::spec::{IndicatorDef, ReportSpec};

/// Decimals as typed: 0 to [`MAX_DECIMALS`]; anything else is ignored.
fn decimals(s: &str) -> Option<u8> {
    s.trim().parse::<u8>().ok().filter(|d| *d <= MAX_DECIMALS)
}

/// One row per indicator.
#[component]
pub(super) fn IndicatorRows() -> impl IntoView {
    let state = use_state();
    let key = rows_key(state, |r| {
        r.indicators.iter().map(|i| i.id.clone()).collect()
    });
    let rows = move || {
        key.with(|_| ());
        let inds = spec_untracked(state, |r| r.indicators.clone());
        inds.into_iter()
            .enumerate()
            .map(|(n, i)| {
                let set = move |f: fn(&mut IndicatorDef, String)| {
                    move |v: String| edit(state, |r| if let Some(x) = r.indicators.get_mut(n) { f(x, v) })
                };
                view! {
                    <div class="tb-designer-row" data-testid="designer-indicator">
                        <Field label=K::Id testid=format!("indicator-id-{n}") value=i.id.clone() on_set=set(|x, v| x.id = v) />
                        <Field label=K::Name testid=format!("indicator-name-{n}") value=i.name.clone() on_set=set(|x, v| x.name = v) />
                        <Field label=K::HeaderWords testid=format!("indicator-headers-{n}") value=i.headers.join("; ")
                            on_set=set(|x, v| x.headers = words(&v)) />
                        <Field label=K::UnitWord testid=format!("indicator-unit-{n}") value=i.unit.clone()
                            on_set=set(|x, v| x.unit = v.trim().to_string()) />
                        <Field label=K::FigureDecimals testid=format!("indicator-decimals-{n}") value=i.decimals.to_string()
                            on_set=set(|x, v| if let Some(d) = decimals(&v) { x.decimals = d }) />
                        <button type="button" class="tb-secondary tb-small" on:click=move |_| edit(state, |r| { r.indicators.remove(n); })>
                            {tr(K::Remove)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        edit(state, |r| {
            let n = r.indicators.len() + 1;
            let spec = ReportSpec::from_columns(&[format!("Chỉ tiêu {n}")]);
            r.indicators.extend(spec.indicators);
        })
    };
    view! {
        <h3>{tr(K::Indicators)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-indicator" on:click=add>{tr(K::AddIndicator)}</button>
    }
}
