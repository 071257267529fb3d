//! The letter (công văn) rendered from core's document model
//! (`letter::html`), laid out as the A4 page of Decree 30/2020 (see
//! style/letter.css).

use crate::i18n::{tr, K};
use crate::state::{after_paint_on_change, use_state};
use leptos::prelude::*;
use thongbao_core::letter::html::to_html;

/// `notice`: the letter as it will print, with its toolbar.
#[component]
pub fn Notice() -> impl IntoView {
    let state = use_state();
    let guard = crate::embed::guard();
    let html = RwSignal::new(state.letter.with_untracked(to_html));
    after_paint_on_change(
        move || state.letter.track(),
        false,
        move || html.set(state.letter.with_untracked(to_html)),
    );
    view! {
        <div class="tb-notice-tools no-print" role="toolbar" aria-label=tr(K::NoticeTools)>
            <button type="button" data-testid="print" on:click=move |_| crate::embed::print(guard)>
                {tr(K::Print)}
            </button>
            <button type="button" data-testid="download-docx" on:click=move |_| {
                let l = state.letter.get_untracked();
                let bytes = thongbao_core::export::docx::write(&l);
                crate::embed::download(guard, &format!("{}.docx", l.file_stem), thongbao_core::export::docx::MIME, &bytes);
            }>
                {tr(K::DownloadDocx)}
            </button>
            <crate::components::archive::ArchiveDownload />
        </div>
        // Core writes the pages' markup (escaped): one `innerHTML` for a
        // letter of thousands of communes, in its own task after the charts.
        // On a narrow screen the A4 page scrolls inside this box (tabindex:
        // reachable by keyboard); print lays it out as before.
        <section class="tb-notice" data-testid="notice" tabindex="0" aria-label=tr(K::NoticeTitle)
            inner_html=move || html.get()>
        </section>
    }
}
