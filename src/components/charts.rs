//! Charts: laid out by `thongbao_core::chart` (pure Rust, tested natively)
//! and shown as inline SVG; each can be downloaded as SVG or as PNG at 2×.
//! The unit table is the charts' text alternative.

use crate::browser;
use crate::components::when::When;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::chart::{self, Chart};
use thongbao_core::model::Indicator;

/// One chart with its download controls.
#[component]
pub fn ChartBox(
    /// `data-testid` of the chart container.
    testid: &'static str,
    /// File name stem for downloads.
    stem: &'static str,
    chart: Memo<Option<Chart>>,
) -> impl IntoView {
    let svg = Memo::new(move |_| chart.with(|c| c.as_ref().map(Chart::to_svg)));
    let guard = crate::embed::guard();
    view! {
        <When when=move || svg.with(Option::is_some)>
            <figure class="tb-chart">
                // The SVG text comes from core, which escapes every name.
                <div class="tb-chart-svg" data-testid=testid inner_html=move || svg.get().unwrap_or_default()></div>
                <figcaption class="tb-chart-tools no-print">
                    <button type="button" class="tb-secondary tb-small" data-testid=format!("{testid}-svg")
                        on:click=move |_| {
                            if let Some(s) = svg.get_untracked() {
                                crate::embed::download(guard, &format!("{stem}.svg"), "image/svg+xml", s.as_bytes());
                            }
                        }>
                        {tr(K::DownloadSvg)}
                    </button>
                    <button type="button" class="tb-secondary tb-small" data-testid=format!("{testid}-png")
                        on:click=move |_| {
                            if let (Some(s), Some((w, h))) = (svg.get_untracked(), chart.with_untracked(|c| c.as_ref().map(|c| (c.width, c.height)))) {
                                browser::download_svg_as_png(&s, w, h, 2.0, &format!("{stem}.png"));
                                crate::embed::after_download(guard);
                            }
                        }>
                        {tr(K::DownloadPng)}
                    </button>
                </figcaption>
            </figure>
        </When>
    }
}

/// The charts of the dashboard.
#[component]
pub fn Charts() -> impl IntoView {
    let state = use_state();
    let (sm, lang) = (state.summary_late, state.lang);
    let scans = Memo::new(move |_| sm.with(|s| chart::scans_chart(s, lang.get())));
    let rate = Memo::new(move |_| sm.with(|s| chart::rate_chart(s, lang.get())));
    let trend =
        Memo::new(move |_| sm.with(|s| chart::trend_chart(s, Indicator::Scans, lang.get())));
    view! {
        <section class="tb-charts" aria-label=tr(K::Charts)>
            <ChartBox testid="chart-scans" stem="luot-quet-theo-don-vi" chart=scans />
            <ChartBox testid="chart-rate" stem="ty-le-cai-dat" chart=rate />
            <ChartBox testid="chart-trend" stem="xu-huong-luot-quet" chart=trend />
            <p class="tb-hint no-print">{tr(K::ChartAlt)}</p>
        </section>
    }
}
