//! Figures typed by hand: totals the file lacks (installs, smartphones), a
//! rate to check, and the previous report when no earlier file is loaded.

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::date::Date;
use thongbao_core::format;
use thongbao_core::ingest::numbers::{parse_count, DecimalSep};
use thongbao_core::model::Indicator;
use thongbao_core::stats::{Manual, ManualPeriod};

fn show(v: Option<i64>) -> String {
    v.map(format::int).unwrap_or_default()
}

/// A count input: accepts 4336, 4.336, 4 336; empty clears it.
#[component]
fn CountInput(
    label: K,
    id: &'static str,
    get: fn(&Manual) -> Option<i64>,
    set: fn(&mut Manual, Option<i64>),
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let invalid = RwSignal::new(false);
    let html_id = format!("m-{id}");
    view! {
        <div class="tb-field">
            <label for=html_id.clone()>{move || t(lang.get(), label)}</label>
            <input id=html_id type="text" inputmode="numeric" data-testid=format!("manual-{id}")
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || state.manual.with(|m| show(get(m)))
                on:change=move |ev| {
                    match parse_count(&event_target_value(&ev), DecimalSep::Unknown) {
                        Ok(v) => { invalid.set(false); state.manual.update(|m| set(m, v)); }
                        Err(_) => invalid.set(true),
                    }
                } />
            <When when=move || invalid.get()>
                <span class="tb-field-error" role="alert">{tr(K::NotACount)}</span>
            </When>
        </div>
    }
}

fn prev(m: &mut Manual) -> &mut ManualPeriod {
    m.previous.get_or_insert_with(ManualPeriod::default)
}

/// The panel of typed figures, with warnings where they disagree with the
/// computed ones.
#[component]
pub fn ManualFigures() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let from_data = move || state.with_dataset(|d| d.previous().is_some());
    view! {
        <details class="tb-panel no-print" open=true>
            <summary>{tr(K::ManualTitle)}</summary>
            <p class="tb-hint">{tr(K::ManualHint)}</p>
            <div class="tb-row">
                <CountInput label=K::Installs id="installs"
                    get=|m| m.current.get(Indicator::Installs) set=|m, v| m.current.set(Indicator::Installs, v) />
                <CountInput label=K::Smartphones id="smartphones"
                    get=|m| m.current.get(Indicator::Smartphones) set=|m, v| m.current.set(Indicator::Smartphones, v) />
                <div class="tb-field">
                    <label for="m-rate">{tr(K::TypedRate)}</label>
                    <input id="m-rate" type="text" data-testid="manual-rate"
                        prop:value=move || state.manual.with(|m| m.typed_rate.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.manual.update(|m| m.typed_rate = (!v.trim().is_empty()).then_some(v));
                        } />
                </div>
            </div>
            <h3>{tr(K::PreviousReport)}</h3>
            <When when=from_data fallback=move || view! {
                <div class="tb-row">
                    <div class="tb-field">
                        <label for="m-prev-date">{tr(K::PrevDate)}</label>
                        <input id="m-prev-date" type="date" data-testid="manual-prev-date"
                            prop:value=move || state.manual.with(|m| m.previous.as_ref().and_then(|p| p.date).map(|d| d.iso()).unwrap_or_default())
                            on:change=move |ev| {
                                let d = Date::parse(&event_target_value(&ev));
                                state.manual.update(|m| prev(m).date = d);
                            } />
                    </div>
                    <CountInput label=K::Locations id="prev-locations"
                        get=|m| m.previous.as_ref().and_then(|p| p.values.get(Indicator::Locations))
                        set=|m, v| prev(m).values.set(Indicator::Locations, v) />
                    <CountInput label=K::Scans id="prev-scans"
                        get=|m| m.previous.as_ref().and_then(|p| p.values.get(Indicator::Scans))
                        set=|m, v| prev(m).values.set(Indicator::Scans, v) />
                    <CountInput label=K::Installs id="prev-installs"
                        get=|m| m.previous.as_ref().and_then(|p| p.values.get(Indicator::Installs))
                        set=|m, v| prev(m).values.set(Indicator::Installs, v) />
                </div>
            }>
                <p class="tb-hint">{tr(K::PrevFromData)}</p>
            </When>
            <ul class="tb-warnings" data-testid="discrepancies" aria-live="polite">
                {move || {
                    let c = state.figures.get();
                    let typed = state.manual.with(Manual::typed);
                    thongbao_core::engine::discrepancies(&c, &typed).into_iter().map(|d| {
                    let msg = d.message(&c, lang.get());
                    view! { <li data-testid="discrepancy"><span aria-hidden="true">"⚠ "</span>{msg}</li> }
                }).collect_view()}}
            </ul>
        </details>
    }
}
