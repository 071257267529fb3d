//! KPI cards and the lists of high and low scanners.

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::model::Indicator;
use thongbao_core::stats::Summary;
use thongbao_core::{format, html};

/// One KPI card: value, and the change with ▲/▼ (never colour alone).
#[component]
fn Kpi(
    /// Label key (see `i18n`).
    label: K,
    /// `data-testid` of the value.
    testid: &'static str,
    /// The value as shown.
    value: Signal<String>,
    /// `data-testid` of the change, when there is one.
    #[prop(optional)]
    delta_testid: Option<&'static str>,
    /// Signed change.
    #[prop(optional, into)]
    delta: Option<Signal<Option<i64>>>,
) -> impl IntoView {
    let lang = use_state().lang;
    let delta_view = delta.zip(delta_testid).map(|(d, id)| {
        view! {
            <When when=move || d.get().is_some()>
                {move || {
                    let v = d.get().unwrap_or(0);
                    let (arrow, cls) = match v.signum() {
                        1 => ("▲", "tb-up"),
                        -1 => ("▼", "tb-down"),
                        _ => ("●", "tb-same"),
                    };
                    let prev = use_state().summary.with(|s| s.prev_date.map(|d| d.dm()).unwrap_or_default());
                    view! {
                        <span class=format!("tb-delta {cls}")>
                            <span aria-hidden="true">{arrow} " "</span>
                            <span data-testid=id>{format::signed(v)}</span>
                            " " {t(lang.get(), K::Since)} " " {prev}
                        </span>
                    }
                }}
            </When>
        }
    });
    view! {
        <div class="tb-kpi">
            <span class="tb-kpi-label">{move || t(lang.get(), label)}</span>
            <span class="tb-kpi-value" data-testid=testid>{move || value.get()}</span>
            {delta_view}
        </div>
    }
}

/// The names of the units at `idx`.
fn unit_names<'a>(s: &'a Summary, idx: &[usize]) -> Vec<&'a str> {
    idx.iter()
        .filter_map(|&i| s.units.get(i))
        .map(|u| u.name.as_str())
        .collect()
}

/// Lists longer than this start folded.
const OPEN_UP_TO: usize = 25;

/// A list of unit names (HTML from core) under a count that folds it.
#[component]
fn Names(
    /// `data-testid` of the list.
    testid: &'static str,
    /// `id` of the heading that names the list.
    title: &'static str,
    /// The `<li>` items.
    items: Signal<String>,
    /// How many there are.
    count: Signal<usize>,
) -> impl IntoView {
    let lang = use_state().lang;
    view! {
        <details class="tb-names" prop:open=move || count.get() <= OPEN_UP_TO>
            <summary>{move || format!("{} {}", format::int(count.get() as i64), t(lang.get(), K::NUnits))}</summary>
            <ol data-testid=testid aria-labelledby=title inner_html=move || items.get()></ol>
        </details>
    }
}

fn total(s: &Summary, i: Indicator) -> String {
    s.total(i).map(format::int).unwrap_or_else(|| "—".into())
}

/// The KPI cards and the lists of units.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_state();
    let sm = state.summary;
    let sig = move |f: fn(&Summary) -> String| Signal::derive(move || sm.with(f));
    let dsig = move |i: Indicator| Signal::derive(move || sm.with(|s| s.delta.get(i)));
    // Lists can hold thousands of names ("did not report"): core writes
    // them as one escaped HTML string, and a long list starts folded (a
    // closed <details> is not laid out).
    let names = move |which: fn(&Summary) -> Vec<&str>| {
        Signal::derive(move || sm.with(|s| html::list_items(which(s), "unit-name")))
    };
    let count = move |which: fn(&Summary) -> usize| Signal::derive(move || sm.with(which));
    view! {
        <div class="tb-kpis">
            <Kpi label=K::Units testid="unit-count" value=sig(|s| format::int(s.unit_count as i64)) />
            <When when=move || sm.with(|s| s.district_count.is_some())>
                <Kpi label=K::Districts testid="district-count" value=sig(|s| format::int(s.district_count.unwrap_or(0) as i64)) />
            </When>
            <Kpi label=K::Locations testid="total-locations" value=sig(|s| total(s, Indicator::Locations))
                delta_testid="delta-locations" delta=dsig(Indicator::Locations) />
            <Kpi label=K::Scans testid="total-scans" value=sig(|s| total(s, Indicator::Scans))
                delta_testid="delta-scans" delta=dsig(Indicator::Scans) />
            <Kpi label=K::Installs testid="total-installs" value=sig(|s| total(s, Indicator::Installs))
                delta_testid="delta-installs" delta=dsig(Indicator::Installs) />
            <Kpi label=K::Smartphones testid="total-smartphones" value=sig(|s| total(s, Indicator::Smartphones)) />
            <Kpi label=K::Rate testid="install-rate"
                value=sig(|s| s.rate.map(|r| format::percent_scaled(r, s.decimals)).unwrap_or_else(|| "—".into())) />
        </div>
        <div class="tb-classes">
            // Lists by scans only when units have scan figures, and low
            // installers only when there is such a list (issue #15): no "0
            // units" for an indicator the data does not have.
            <When when=move || sm.with(|s| s.has_unit_figures(Indicator::Scans))>
                <div>
                    <h3 id="high-title">{tr(K::HighUnits)}</h3>
                    <Names testid="high-units" title="high-title" items=names(|s| unit_names(s, &s.high)) count=count(|s| s.high.len()) />
                </div>
                <div>
                    <h3 id="low-title">{tr(K::LowUnits)}</h3>
                    <Names testid="low-units" title="low-title" items=names(|s| unit_names(s, &s.low)) count=count(|s| s.low.len()) />
                </div>
            </When>
            <When when=move || sm.with(|s| s.low_installers.names(&s.units).is_some())>
                <div>
                    <h3 id="low-inst-title">{tr(K::LowInstallers)}</h3>
                    <Names testid="low-installers" title="low-inst-title"
                        items=names(|s| s.low_installers.names(&s.units).unwrap_or_default())
                        count=count(|s| s.low_installers.names(&s.units).map_or(0, |n| n.len())) />
                </div>
            </When>
            <When when=move || sm.with(|s| !s.zero.is_empty() || !s.missing.is_empty())>
                <div>
                    <h3 id="zero-title">{tr(K::ZeroUnits)}</h3>
                    <Names testid="zero-units" title="zero-title" items=names(|s| unit_names(s, &s.zero)) count=count(|s| s.zero.len()) />
                    <h3 id="missing-title">{tr(K::MissingUnits)}</h3>
                    <Names testid="missing-units" title="missing-title"
                        items=names(|s| s.missing.iter().map(String::as_str).collect()) count=count(|s| s.missing.len()) />
                </div>
            </When>
        </div>
    }
}
