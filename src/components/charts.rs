//! A report's charts: a bar chart per figure the report charts (`chart`,
//! then `more_charts`: the COVID report's scans and install rate), and
//! the first one's trend over the report periods. Laid out by
//! `thongbao_core::chart` (pure Rust, tested natively) and shown as inline
//! SVG; each can be downloaded as SVG or as PNG at 2×. The unit table is
//! the charts' text alternative. Also the embedded chart view.

use crate::browser;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::chart::{self, Chart};
use thongbao_core::engine;

/// One chart with its download controls.
#[component]
fn ChartBox(
    /// `data-testid` of the chart container.
    testid: String,
    /// File name stem for downloads.
    stem: String,
    chart: Chart,
) -> impl IntoView {
    let svg = StoredValue::new(chart.to_svg());
    let (w, h) = (chart.width, chart.height);
    let guard = crate::embed::guard();
    let (svg_id, png_id) = (format!("{testid}-svg"), format!("{testid}-png"));
    let (svg_name, png_name) = (format!("{stem}.svg"), format!("{stem}.png"));
    view! {
        <figure class="tb-chart">
            // The SVG text comes from core, which escapes every name.
            <div class="tb-chart-svg" data-testid=testid inner_html=svg.get_value()></div>
            <figcaption class="tb-chart-tools no-print">
                <button type="button" class="tb-secondary tb-small" data-testid=svg_id
                    on:click=move |_| svg.with_value(|s| crate::embed::download(guard, &svg_name, "image/svg+xml", s.as_bytes()))>
                    {tr(K::DownloadSvg)}
                </button>
                <button type="button" class="tb-secondary tb-small" data-testid=png_id
                    on:click=move |_| {
                        svg.with_value(|s| browser::download_svg_as_png(s, w, h, 2.0, &png_name));
                        crate::embed::after_download(guard);
                    }>
                    {tr(K::DownloadPng)}
                </button>
            </figcaption>
        </figure>
    }
}

/// The active report's charts (which ones: `chart::report_charts`).
#[component]
pub fn ReportChart() -> impl IntoView {
    let state = use_state();
    let (lang, figures) = (state.lang, state.figures_late);
    let charts = Memo::new(move |_| {
        figures.with(|(spec, c)| {
            let trend = state.data.with(|d| engine::trend(d.dataset(), spec));
            chart::report_charts(c, spec, &trend, lang.get())
        })
    });
    view! {
        <section class="tb-charts" aria-label=tr(K::Charts)>
            {move || {
                charts
                    .get()
                    .into_iter()
                    .map(|(testid, stem, chart)| view! { <ChartBox testid=testid stem=stem chart=chart /> })
                    .collect_view()
            }}
            <p class="tb-hint no-print">{tr(K::ChartAlt)}</p>
        </section>
    }
}
