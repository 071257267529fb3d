//! "Hồ sơ lưu": the record a văn thư files with the letter (a .zip of the
//! input files, the letter, the table, the profile and a manifest with
//! SHA-256 hashes, written by core's `archive`), and the note that an
//! opened archive brought its report back. Opening goes through the file
//! input and the drop zone like any data file (`state::archive`).

use crate::browser;
use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::archive::MIME;

/// `download-archive`, with a note when the input files are not known.
#[component]
pub fn ArchiveDownload() -> impl IntoView {
    let state = use_state();
    let missing = RwSignal::new(false);
    let download = move |_| match state.archive(browser::now_local_iso()) {
        Some((name, bytes)) => {
            missing.set(false);
            let _ = browser::download(&name, MIME, &bytes);
        }
        None => missing.set(true),
    };
    view! {
        <button type="button" data-testid="download-archive" title=tr(K::ArchiveHint) on:click=download>
            {tr(K::DownloadArchive)}
        </button>
        <When when=move || missing.get()>
            <span role="status" class="tb-hint" data-testid="archive-message">{tr(K::ArchiveNoInput)}</span>
        </When>
    }
}

/// `archive-restored`: the figures shown come from an archive of date X.
#[component]
pub fn ArchiveNote() -> impl IntoView {
    let state = use_state();
    view! {
        <When when=move || state.restored_archive().is_some()>
            <p role="status" class="tb-hint" data-testid="archive-restored">
                {move || {
                    let lang = state.lang.get();
                    let (date, made) = state.restored_archive().unwrap_or_default();
                    format!(
                        "{} {} ({} {}).",
                        t(lang, K::ArchiveRestored),
                        date.unwrap_or_else(|| t(lang, K::ArchiveNoDate).to_string()),
                        t(lang, K::ArchiveMade),
                        made
                    )
                }}
            </p>
        </When>
    }
}
