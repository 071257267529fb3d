//! A report definition's dashboard: its cards (`total-<id>`,
//! `delta-<id>`), its classes' lists, its table (the letter's appendix) and
//! the cells that could not be read. The dashboard is every report's; the
//! COVID report still has its own table and charts (`unit_table`,
//! `charts`).

use super::unit_table::{OVERSCAN, ROW_PX, VIRTUAL_FROM};
use crate::components::when::When;
use crate::i18n::{by_id, t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;
use thongbao_core::engine::Computed;
use thongbao_core::export::{report_table as table_of, table};
use thongbao_core::letter::report::table_order;
use thongbao_core::{html, report_dashboard};

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
    let Some(c) = state.computed.get_untracked() else {
        return;
    };
    let rows = state.profile.with_untracked(|p| {
        p.report
            .as_ref()
            .map(|spec| table_of::report_table(&c, spec, p))
            .unwrap_or_default()
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

/// The report's table: the letter's appendix, as the page shows it.
#[component]
pub fn ReportTable() -> impl IntoView {
    let state = use_state();
    let guard = crate::embed::guard();
    // The rows change with the figures, not with every keystroke in the
    // letter's form.
    let appendix = Memo::new(move |_| state.letter.with(|l| l.appendix.clone()));
    // Sorted by a column (0: the file's order), filtered by name, as the
    // COVID table is.
    // The column is kept with its label: another week (a column left out,
    // another report) puts another column at that place, and the table
    // goes back to the file's order rather than sort by it.
    let sort = RwSignal::new((0usize, false, String::new()));
    let current_sort = Memo::new(move |_| {
        let (col, desc, label) = sort.get();
        let same = appendix.with(|a| a.columns.get(col) == Some(&label));
        if same {
            (col, desc)
        } else {
            (0, false)
        }
    });
    let filter = RwSignal::new(String::new());
    let order = Memo::new(move |_| {
        let Some(c) = state.computed.get() else {
            return Vec::new();
        };
        let (s, f) = (current_sort.get(), filter.get());
        state.profile.with(|p| {
            p.report
                .as_ref()
                .map(|spec| table_order(&c, spec, p, s, &f))
                .unwrap_or_default()
        })
    });
    // Only the rows in view are in the page (10.600 communes laid out at
    // once froze it for 2 s), as in the COVID table.
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);
    let rows = move || {
        appendix.with(|a| {
            order.with(|o| {
                let (st, vp) = (scroll_top.get(), viewport.get());
                let range = html::visible_rows(o.len(), st, vp, ROW_PX, OVERSCAN, VIRTUAL_FROM);
                html::appendix_table(a, o, range, ROW_PX, Some(current_sort.get()))
            })
        })
    };
    // A header's sort button (in core's HTML: one listener for all): the
    // same column again turns the order round; numbers start descending.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(k) = crate::browser::clicked_button(&ev, "data-sort") else {
            return;
        };
        let (numeric, label) = appendix.with_untracked(|a| {
            (
                k > 0 && a.numeric.get(k).copied().unwrap_or(false),
                a.columns.get(k).cloned().unwrap_or_default(),
            )
        });
        let (col, desc) = current_sort.get_untracked();
        sort.set(if col == k {
            (k, !desc, label)
        } else {
            (k, numeric, label)
        });
    };
    let on_filter = move |ev: leptos::ev::Event| {
        filter.set(event_target_value(&ev));
        // The rows that match start at the top (the scroll box follows the
        // tools the input is in).
        scroll_top.set(0.0);
        let input: web_sys::Element = event_target(&ev);
        if let Some(wrap) = input
            .closest(".tb-table-tools")
            .ok()
            .flatten()
            .and_then(|tools| tools.next_element_sibling())
        {
            wrap.set_scroll_top(0);
        }
    };
    let count = move || {
        format!(
            "{} / {}",
            order.with(Vec::len),
            appendix.with(|a| a.rows.len())
        )
    };
    view! {
        <h2 id="report-table-title">{tr(K::ReportTable)}</h2>
        <div class="tb-table-tools">
            <label class="tb-filter">
                <span>{tr(K::Filter)}</span>
                <input type="search" data-testid="unit-filter" prop:value=move || filter.get() on:input=on_filter />
            </label>
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
