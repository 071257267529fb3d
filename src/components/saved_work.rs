//! Saved work: the history of periods (pick one as the previous report,
//! delete), a backup file to export and import, and "clear my data".

use crate::browser;
use crate::components::json_file::JsonFile;
use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use thongbao_core::html;

/// The panel.
#[component]
pub fn SavedWork() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let backup = thongbao_core::saved::Backup {
            saved: state.work_with_data(),
            history: state.history.get_untracked(),
            ..Default::default()
        };
        let date = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let name = format!("thongbao-sao-luu-{}.json", &date[..date.len().min(10)]);
        let _ = browser::download(&name, "application/json", backup.to_json().as_bytes());
    };
    let import = move |text: String| {
        spawn_local(async move {
            match thongbao_core::saved::Backup::from_json(&text) {
                Ok(b) => {
                    state.restore(b.saved);
                    for snap in &b.history {
                        let _ = browser::history_put(snap).await;
                    }
                    state.refresh_history();
                    message.set(Some(t(lang.get_untracked(), K::BackupRestored).to_string()));
                }
                Err(e) => message.set(Some(e.message(lang.get_untracked()))),
            }
        });
    };
    let clear = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(t(lang.get_untracked(), K::ClearConfirm))
                    .ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
        state.clear_everything();
        message.set(Some(t(lang.get_untracked(), K::Cleared).to_string()));
    };
    // The rows are core's HTML; one listener for their buttons.
    let rows = move || {
        let l = lang.get();
        state
            .history
            .with(|h| html::history_rows(h, t(l, K::HistoryUse), t(l, K::HistoryDelete)))
    };
    let on_row = move |ev: leptos::ev::MouseEvent| {
        let snap = |i: usize| state.history.with_untracked(|h| h.get(i).cloned());
        if let Some(s) = browser::clicked_button(&ev, "data-use").and_then(snap) {
            state.use_as_previous(&s);
        } else if let Some(s) = browser::clicked_button(&ev, "data-delete").and_then(snap) {
            let key = s.key();
            spawn_local(async move {
                let _ = browser::history_delete(&key).await;
                state.refresh_history();
            });
        }
    };
    view! {
        <details class="tb-panel" data-testid="saved-work">
            <summary>{tr(K::SavedTitle)}</summary>
            <p class="tb-hint">{tr(K::SavedHint)}</p>
            <h3 id="history-title">{tr(K::HistoryTitle)}</h3>
            <When when=move || !state.history.with(Vec::is_empty)
                fallback=move || view! { <p class="tb-hint">{tr(K::HistoryEmpty)}</p> }>
                // Wide on a phone: it scrolls in its own box, not the page.
                <div class="tb-scroll" tabindex="0" role="region" aria-labelledby="history-title">
                <table class="tb-table" data-testid="history">
                    <thead><tr>
                        <th scope="col">{tr(K::HistoryDate)}</th>
                        <th scope="col">{tr(K::FArea)}</th>
                        <th scope="col" class="tb-num">{tr(K::Units)}</th>
                        <th scope="col" class="tb-num">{tr(K::Scans)}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody on:click=on_row inner_html=rows></tbody>
                </table>
                </div>
            </When>
            <div class="tb-row tb-actions">
                <button type="button" class="tb-secondary" data-testid="backup-export" on:click=export>
                    {tr(K::BackupExport)}
                </button>
                <JsonFile label=K::BackupImport testid="backup-import" class="tb-secondary" on_text=import />
                <button type="button" class="tb-danger" data-testid="clear-data" on:click=clear>
                    {tr(K::ClearData)}
                </button>
            </div>
            <When when=move || message.with(Option::is_some)>
                <p role="status" data-testid="saved-message">{move || message.get().unwrap_or_default()}</p>
            </When>
        </details>
    }
}
