//! The table of units: sortable by any column (click or keyboard), filter by
//! name, a totals row, district groups that fold, and only the visible rows
//! rendered when there are thousands. Columns, cells and the rows' HTML
//! come from `thongbao_core::unit_table`; this keeps the sort, the filter,
//! the folds and the scroll position.

use crate::components::when::When;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::export::table;
use thongbao_core::stats::{order, SortKey, Summary};
use thongbao_core::unit_table::{self as ut};
use thongbao_core::Lang;

/// Height of one row in px (fixed in CSS so the visible window can be
/// computed from the scroll position).
pub(super) const ROW_PX: f64 = 30.0;
/// Rows rendered beyond the visible window on each side.
pub(super) const OVERSCAN: usize = 20;
/// Below this many rows everything is rendered.
pub(super) const VIRTUAL_FROM: usize = 300;

/// The files the table downloads as.
#[derive(Clone, Copy)]
enum Export {
    Csv,
    CsvExcel,
    Xlsx,
}

/// `unit-table`.
#[component]
pub fn UnitTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sm = state.summary;
    let sort = RwSignal::new((SortKey::File, false));
    let filter = RwSignal::new(String::new());
    let grouped = RwSignal::new(false);
    let folded = RwSignal::new(std::collections::HashSet::<usize>::new());
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);

    let cols = Memo::new(move |_| sm.with(ut::columns));
    let ordered = Memo::new(move |_| {
        let (key, desc) = sort.get();
        sm.with(|s| order(s, key, desc, &filter.get()))
    });
    // Display rows: units, or district groups followed by their units.
    let rows = Memo::new(move |_| {
        let (g, f) = (grouped.get(), folded.get());
        ordered.with(|idx| sm.with(|s| ut::display_rows(s, idx, g, &|d| f.contains(&d))))
    });
    let window = move || {
        let n = rows.with(Vec::len);
        let r = thongbao_core::html::visible_rows(
            n,
            scroll_top.get(),
            viewport.get(),
            ROW_PX,
            OVERSCAN,
            VIRTUAL_FROM,
        );
        (r.start, r.end)
    };
    // Exports of the computed table (core writes the bytes): CSV (comma,
    // decimal point), CSV for Excel with Vietnamese settings (`;`, decimal
    // comma), .xlsx.
    let guard = crate::embed::guard();
    let export = move |kind: Export| export_table(sm, lang.get_untracked(), guard, kind);
    let head = move || header_cells(cols, sort, lang.get());
    // The visible rows as one HTML string written by core.
    let body = move || {
        let (a, b) = window();
        let (c, l) = (cols.get(), lang.get());
        folded.with(|f| {
            rows.with(|r| {
                sm.with(|s| ut::body_html(s, &c, r, a..b, ROW_PX, &|d| f.contains(&d), l))
            })
        })
    };
    // Fold buttons of group rows are in that HTML: one listener for all.
    let on_body_click = move |ev: leptos::ev::MouseEvent| toggle_fold(&ev, folded);
    let foot = move || {
        let (c, l) = (cols.get(), lang.get());
        sm.with(|s| {
            ut::footer(s, &c, l)
                .into_iter()
                .zip(c.iter())
                .map(|(text, c)| view! { <td class:tb-num=c.numeric>{text}</td> })
                .collect_view()
        })
    };
    view! {
        <div class="tb-table-tools">
            <h2 id="unit-table-title">{tr(K::TableTitle)}</h2>
            <label class="tb-filter">
                <span>{tr(K::Filter)}</span>
                <input type="search" data-testid="unit-filter" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            </label>
            <When when=move || sm.with(|s| s.district_count.is_some())>
                <label class="tb-check">
                    <input type="checkbox" data-testid="group-districts" prop:checked=move || grouped.get()
                        on:change=move |ev| grouped.set(event_target_checked(&ev)) />
                    {tr(K::GroupByDistrict)}
                </label>
            </When>
            <button type="button" class="tb-secondary tb-small" data-testid="download-csv" on:click=move |_| export(Export::Csv)>
                {tr(K::DownloadCsv)}
            </button>
            <button type="button" class="tb-secondary tb-small" data-testid="download-csv-excel" on:click=move |_| export(Export::CsvExcel)>
                {tr(K::DownloadCsvExcel)}
            </button>
            <button type="button" class="tb-secondary tb-small" data-testid="download-xlsx" on:click=move |_| export(Export::Xlsx)>
                {tr(K::DownloadXlsx)}
            </button>
            <span class="tb-hint" role="status">
                {move || format!("{} / {}", ordered.with(Vec::len), sm.with(|s| s.units.len()))}
            </span>
        </div>
        <div class="tb-table-wrap" tabindex="0" aria-labelledby="unit-table-title"
            on:scroll=move |ev| {
                let el: web_sys::HtmlElement = event_target(&ev);
                scroll_top.set(el.scroll_top() as f64);
                viewport.set(el.client_height() as f64);
            }>
            <table class="tb-table" data-testid="unit-table" aria-labelledby="unit-table-title">
                <thead><tr>{head}</tr></thead>
                <tbody on:click=on_body_click inner_html=body></tbody>
                <tfoot><tr>{foot}</tr></tfoot>
            </table>
        </div>
    }
}

/// Download the computed table (core writes the bytes): CSV (comma,
/// decimal point), CSV for Excel with Vietnamese settings (`;`, decimal
/// comma), .xlsx.
fn export_table(sm: Memo<Summary>, lang: Lang, guard: Option<crate::embed::Guard>, kind: Export) {
    let rows = sm.with_untracked(|s| table::table(s, lang));
    let stem = sm.with_untracked(|s| match s.date {
        Some(d) => format!("so-lieu-{}", d.iso()),
        None => "so-lieu".to_string(),
    });
    let csv = "text/csv;charset=utf-8";
    match kind {
        Export::Csv => {
            crate::embed::download(guard, &format!("{stem}.csv"), csv, &table::to_csv(&rows))
        }
        Export::CsvExcel => crate::embed::download(
            guard,
            &format!("{stem}-excel.csv"),
            csv,
            &table::to_csv_excel(&rows),
        ),
        Export::Xlsx => crate::embed::download(
            guard,
            &format!("{stem}.xlsx"),
            table::XLSX_MIME,
            &table::to_xlsx(&rows),
        ),
    }
}

/// The header row: a sort button per column, `aria-sort` on the sorted one.
fn header_cells(
    cols: Memo<Vec<ut::Col>>,
    sort: RwSignal<(SortKey, bool)>,
    lang: Lang,
) -> impl IntoView {
    let on_sort = move |key: SortKey| {
        sort.update(|(k, desc)| {
            if *k == key {
                *desc = !*desc;
            } else {
                *k = key;
                *desc = !matches!(
                    key,
                    SortKey::Name | SortKey::District | SortKey::File | SortKey::Rank
                );
            }
        })
    };
    let l = lang;
    let (cur, desc) = sort.get();
    cols.get()
        .into_iter()
        .map(|c| {
            let aria = if c.key == cur {
                if desc {
                    "descending"
                } else {
                    "ascending"
                }
            } else {
                "none"
            };
            let arrow = if c.key == cur {
                if desc {
                    " ▼"
                } else {
                    " ▲"
                }
            } else {
                ""
            };
            let key = c.key;
            view! {
                <th scope="col" aria-sort=aria class:tb-num=c.numeric>
                    <button type="button" class="tb-sort" on:click=move |_| on_sort(key)>
                        {ut::header(c.key, l)}<span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view()
}

/// A click on a group row's fold button (in core's HTML: one listener for
/// all) folds or unfolds that district.
fn toggle_fold(ev: &leptos::ev::MouseEvent, folded: RwSignal<std::collections::HashSet<usize>>) {
    if let Some(di) = crate::browser::clicked_button(ev, "data-fold") {
        folded.update(|f| {
            if !f.remove(&di) {
                f.insert(di);
            }
        });
    }
}
