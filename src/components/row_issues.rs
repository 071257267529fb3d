//! Rows that were rejected or flagged, with line, column, value and reason;
//! the list (HTML from core) shows the first rows, and the whole list can be
//! downloaded as CSV.

use crate::components::when::When;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::export::table::issues_csv;
use thongbao_core::html::issue_items;
use thongbao_core::ingest::{IngestError, RowIssue, Severity};
use thongbao_core::Lang;

/// Issues with the name of their file.
type Issues<'a> = [(&'a str, &'a RowIssue)];

/// Rows shown in the page; the CSV has them all.
const SHOWN: usize = 500;

/// The `row-issues` list; also lists the rows of a file that had no valid
/// row at all.
#[component]
pub fn RowIssues() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // Every issue with its file's name, through `f` (no copies of the list).
    let with_issues = move |f: &mut dyn FnMut(&Issues)| {
        state.error.with(|e| {
            if let Some(IngestError::NoUnits { file, issues, .. }) = e {
                let v: Vec<(&str, &RowIssue)> = issues.iter().map(|i| (file.as_str(), i)).collect();
                return f(&v);
            }
            state.with_dataset(|d| {
                let v: Vec<(&str, &RowIssue)> = d
                    .sources
                    .iter()
                    .flat_map(|s| s.issues.iter().map(move |i| (s.file_name.as_str(), i)))
                    .collect();
                f(&v)
            })
        })
    };
    let count = Memo::new(move |_| {
        let mut n = 0;
        with_issues(&mut |v| n = v.len());
        n
    });
    let items = move || {
        let mut h = String::new();
        let l = lang.get();
        with_issues(&mut |v| h = issue_items(v, l, SHOWN));
        h
    };
    let download = move |_| {
        let mut bytes = Vec::new();
        let l = lang.get_untracked();
        with_issues(&mut |v| bytes = issues_csv(v, l));
        let _ = crate::browser::download("dong-loi.csv", "text/csv;charset=utf-8", &bytes);
    };
    let summary = move || {
        let (rej, warn) = state.with_dataset(|d| {
            d.sources.iter().fold((0, 0), |(r, w), s| {
                (
                    r + s.account.rejected,
                    w + s
                        .issues
                        .iter()
                        .filter(|i| i.severity == Severity::Warning)
                        .count(),
                )
            })
        });
        match lang.get() {
            Lang::Vi => format!("{rej} dòng bị loại khỏi số liệu vì lỗi; {warn} cảnh báo (dòng vẫn được tính)."),
            Lang::En => format!("{rej} rows left out of the figures because of errors; {warn} warnings (rows kept)."),
        }
    };
    view! {
        <When when=move || { count.get() > 0 }>
            <details class="tb-issues" open=true>
                <summary>{summary}</summary>
                <ul data-testid="row-issues" tabindex="0" aria-label=tr(K::RowIssuesList) inner_html=items></ul>
                <button type="button" class="tb-secondary tb-small" data-testid="download-issues" on:click=download>
                    {tr(K::DownloadIssues)}
                </button>
            </details>
        </When>
    }
}
