//! A report's dashboard: its cards (`total-<id>`, `delta-<id>`), its
//! classes' lists, its table (the appendix's layout over the report's
//! table columns, with district groups) and the cells that could not be
//! read. Every report's, the COVID one's included.

use crate::components::when::When;
use crate::i18n::{by_id, t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;
use thongbao_core::engine::Computed;
use thongbao_core::export::{report_table as table_of, table};
use thongbao_core::letter::report;
use thongbao_core::{html, report_dashboard};

/// Height of one table row in px (fixed in CSS so the visible window can
/// be computed from the scroll position).
const ROW_PX: f64 = 30.0;
/// Rows written beyond the visible window on each side.
const OVERSCAN: usize = 20;
/// Below this many rows every row is written.
const VIRTUAL_FROM: usize = 300;

/// The cards and the class lists (core's HTML: one `innerHTML`) and the
/// cells that could not be read. Every report's, the COVID one's
/// included (`AppState::figures`).
#[component]
pub fn ReportDashboard() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let html = move || {
        let c = state.figures.get();
        let lang = lang.get();
        state
            .spec
            .with(|spec| report_dashboard::dashboard(&c, spec, lang, &|id| by_id(lang, id)))
    };
    view! {
        <div inner_html=html></div>
        <CellProblems />
    }
}

/// Cells of the report's columns that are not numbers, and columns the
/// file lacks: said, never silently zero.
#[component]
fn CellProblems() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // A report read with the built-in column rules says what its rows
    // lack in the row issues; its optional columns are no problem.
    let has = move || {
        let c = state.figures.get();
        !c.problems.is_empty()
            || (!c.missing_columns.is_empty() && !state.spec.with(|s| s.reads_builtin_roles()))
    };
    let body = move || {
        let c: Arc<Computed> = state.figures.get();
        let items: Vec<String> = c
            .problems
            .iter()
            .take(200)
            .map(|p| {
                format!(
                    "{} {}, «{}»: “{}”",
                    t(lang.get(), K::Line),
                    p.line,
                    p.column,
                    p.text
                )
            })
            .collect();
        let builtin = state.spec.with(|s| s.reads_builtin_roles());
        let missing = (!c.missing_columns.is_empty() && !builtin).then(|| {
            format!(
                "{}: {}.",
                t(lang.get(), K::MissingColumns),
                c.missing_columns.join(", ")
            )
        });
        let list = html::list_items(items.iter().map(String::as_str), "cell-problem");
        let heading = (!items.is_empty()).then(|| view! { <h3>{tr(K::CellProblems)}</h3> });
        view! {
            <p>{missing}</p>
            {heading}
            <ul inner_html=list></ul>
        }
        .into_any()
    };
    view! {
        <When when=has>
            <div class="tb-warning" role="status" data-testid="report-problems">{body}</div>
        </When>
    }
}

/// The table as a file: CSV, CSV for Vietnamese Excel, or .xlsx.
fn export(state: crate::state::AppState, guard: Option<crate::embed::Guard>, kind: u8) {
    let c = state.figures.get_untracked();
    let lang = state.lang.get_untracked();
    let rows = state.spec.with_untracked(|spec| {
        state
            .profile
            .with_untracked(|p| table_of::report_table(&c, spec, p, lang))
    });
    let stem = match c.current.date {
        Some(d) => format!("so-lieu-{}", d.iso()),
        None => "so-lieu".to_string(),
    };
    let csv = "text/csv;charset=utf-8";
    match kind {
        0 => crate::embed::download(guard, &format!("{stem}.csv"), csv, &table::to_csv(&rows)),
        1 => crate::embed::download(
            guard,
            &format!("{stem}-excel.csv"),
            csv,
            &table::to_csv_excel(&rows),
        ),
        _ => crate::embed::download(
            guard,
            &format!("{stem}.xlsx"),
            table::XLSX_MIME,
            &table::to_xlsx(&rows),
        ),
    }
}

/// The report's table (`letter::report::table`): sorted by any column,
/// filtered by name, grouped by district with folds, and only the rows in
/// view written (10.600 communes laid out at once froze the page for 2 s).
#[component]
pub fn ReportTable() -> impl IntoView {
    let state = use_state();
    let guard = crate::embed::guard();
    let tab = Memo::new(move |_| {
        let (c, lang) = (state.figures.get(), state.lang.get());
        state.spec.with(|spec| {
            state
                .profile
                .with(|p| Arc::new(report::table(&c, spec, p, lang)))
        })
    });
    // Sorted by a column (0: the file's order). The column is kept with
    // its label: another week (a column left out, another report) puts
    // another column at that place, and the table goes back to the file's
    // order rather than sort by it.
    let sort = RwSignal::new((0usize, false, String::new()));
    let current_sort = Memo::new(move |_| {
        let (col, desc, label) = sort.get();
        let same = tab.with(|t| t.appendix.columns.get(col) == Some(&label));
        if same {
            (col, desc)
        } else {
            (0, false)
        }
    });
    let filter = RwSignal::new(String::new());
    let grouped = RwSignal::new(false);
    let folded = RwSignal::new(thongbao_core::fastmap::FastSet::<usize>::default());
    let order = Memo::new(move |_| {
        let c = state.figures.get();
        let (s, f) = (current_sort.get(), filter.get());
        state.spec.with(|spec| {
            state
                .profile
                .with(|p| report::table_order(&c, spec, p, s, &f))
        })
    });
    let is_grouped = move || grouped.get() && tab.with(|t| t.groups > 0);
    // The groups' totals only while the table is grouped.
    let group_rows = Memo::new(move |_| match is_grouped() {
        true => {
            let c = state.figures.get();
            state.spec.with(|spec| tab.with(|t| t.group_rows(&c, spec)))
        }
        false => Vec::new(),
    });
    let shown = Memo::new(move |_| {
        let g = is_grouped();
        folded.with(|f| {
            order.with(|o| {
                tab.with(|t| html::display_rows(o, &t.group_of, t.groups, g, &|x| f.contains(&x)))
            })
        })
    });
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);
    let rows = move || {
        let (st, vp) = (scroll_top.get(), viewport.get());
        let (c, sort) = (state.figures.get(), Some(current_sort.get()));
        let (spec, p) = (state.spec.get(), state.profile.read());
        let (f, t, g, r) = (folded.read(), tab.read(), group_rows.read(), shown.read());
        let range = html::visible_rows(r.len(), st, vp, ROW_PX, OVERSCAN, VIRTUAL_FROM);
        let row = |i: usize| t.row(&c, &spec, &p, i);
        html::appendix_table(&t.appendix, &r, &row, &g, range, ROW_PX, sort, &|x| {
            f.contains(&x)
        })
    };
    let on_click =
        move |ev: leptos::ev::MouseEvent| on_table_click(&ev, tab, sort, current_sort, folded);
    let on_filter = move |ev: leptos::ev::Event| {
        filter.set(event_target_value(&ev));
        scroll_top.set(0.0);
        to_top(&ev);
    };
    let count = move || {
        format!(
            "{} / {}",
            order.with(Vec::len),
            state.figures.with(|c| c.current.units.len())
        )
    };
    view! {
        <h2 id="report-table-title">{tr(K::ReportTable)}</h2>
        <div class="tb-table-tools">
            <label class="tb-filter">
                <span>{tr(K::Filter)}</span>
                <input type="search" data-testid="unit-filter" prop:value=move || filter.get() on:input=on_filter />
            </label>
            <When when=move || tab.with(|t| t.groups > 0)>
                <label class="tb-check">
                    <input type="checkbox" data-testid="group-districts" prop:checked=move || grouped.get()
                        on:change=move |ev| grouped.set(event_target_checked(&ev)) />
                    {tr(K::GroupByDistrict)}
                </label>
            </When>
            <button type="button" class="tb-secondary tb-small" data-testid="download-csv" on:click=move |_| export(state, guard, 0)>
                {tr(K::DownloadCsv)}
            </button>
            <button type="button" class="tb-secondary tb-small" data-testid="download-csv-excel" on:click=move |_| export(state, guard, 1)>
                {tr(K::DownloadCsvExcel)}
            </button>
            <button type="button" class="tb-secondary tb-small" data-testid="download-xlsx" on:click=move |_| export(state, guard, 2)>
                {tr(K::DownloadXlsx)}
            </button>
            <span class="tb-hint" role="status" data-testid="table-count">{count}</span>
        </div>
        <div class="tb-table-wrap" tabindex="0" aria-labelledby="report-table-title"
            on:scroll=move |ev| {
                let el: web_sys::HtmlElement = event_target(&ev);
                scroll_top.set(el.scroll_top() as f64);
                viewport.set(el.client_height() as f64);
            }>
            <table class="tb-table" data-testid="unit-table" aria-labelledby="report-table-title"
                on:click=on_click inner_html=rows></table>
        </div>
    }
}

/// A header's sort button or a group's fold button (in core's HTML: one
/// listener for all): the same column again turns the order round;
/// numbers start descending.
fn on_table_click(
    ev: &leptos::ev::MouseEvent,
    tab: Memo<Arc<report::Table>>,
    sort: RwSignal<(usize, bool, String)>,
    current_sort: Memo<(usize, bool)>,
    folded: RwSignal<thongbao_core::fastmap::FastSet<usize>>,
) {
    if let Some(g) = crate::browser::clicked_button(ev, "data-fold") {
        folded.update(|f| {
            if !f.remove(&g) {
                f.insert(g);
            }
        });
        crate::browser::refocus_button(ev, "data-fold", g);
        return;
    }
    let Some(k) = crate::browser::clicked_button(ev, "data-sort") else {
        return;
    };
    let (numeric, label) = tab.with_untracked(|t| {
        (
            k > 0 && t.appendix.numeric.get(k).copied().unwrap_or(false),
            t.appendix.columns.get(k).cloned().unwrap_or_default(),
        )
    });
    let (col, desc) = current_sort.get_untracked();
    sort.set(if col == k {
        (k, !desc, label)
    } else {
        (k, numeric, label)
    });
    crate::browser::refocus_button(ev, "data-sort", k);
}

/// The rows that match a new filter start at the top (the scroll box
/// follows the tools the input is in).
fn to_top(ev: &leptos::ev::Event) {
    let input: web_sys::Element = event_target(ev);
    if let Some(wrap) = input
        .closest(".tb-table-tools")
        .ok()
        .flatten()
        .and_then(|tools| tools.next_element_sibling())
    {
        wrap.set_scroll_top(0);
    }
}
