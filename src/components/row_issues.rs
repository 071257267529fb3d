//! Rows that were rejected or flagged, with line, column, value and reason.

use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::ingest::{IngestError, RowIssue, Severity};
use thongbao_core::Lang;

/// The `row-issues` list; also lists the rows of a file that had no valid
/// row at all.
#[component]
pub fn RowIssues() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let issues = move || -> Vec<(String, RowIssue)> {
        let mut v: Vec<(String, RowIssue)> = state.dataset.with(|d| {
            d.sources
                .iter()
                .flat_map(|s| {
                    s.issues
                        .iter()
                        .map(move |i| (s.file_name.clone(), i.clone()))
                })
                .collect()
        });
        if let Some(IngestError::NoUnits { file, issues, .. }) = state.error.get() {
            v = issues.into_iter().map(|i| (file.clone(), i)).collect();
        }
        v
    };
    let summary = move || {
        let (rej, warn) = state.dataset.with(|d| {
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
        <Show when=move || !issues().is_empty()>
            <details class="tb-issues" open=true>
                <summary>{summary}</summary>
                <ul data-testid="row-issues">
                    <For
                        each=move || issues().into_iter().enumerate()
                        key=|(i, _)| *i
                        children=move |(_, (file, issue))| {
                            let cls = if issue.severity == Severity::Error { "tb-issue-error" } else { "tb-issue-warning" };
                            let line = issue.line.to_string();
                            view! {
                                <li class=cls data-testid="row-issue" data-line=line>
                                    <span class="tb-issue-file">{file} " — "</span>
                                    {move || issue.message(lang.get())}
                                </li>
                            }
                        }
                    />
                </ul>
            </details>
        </Show>
    }
}
