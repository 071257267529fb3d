//! Ways in: the file picker and the drop zone (the whole page takes drops
//! too), paste from Excel (Ctrl+V anywhere outside a text field), and
//! `?src=URL`. Files are read as bytes and handed to core; nothing leaves
//! the browser.

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::{use_state, AppState, ArchiveStatus, Loading};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Read every file of a `FileList` and load them together.
fn load_list(state: AppState, list: Option<web_sys::FileList>) {
    let Some(list) = list else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    // Refuse what is too big before reading a byte of it.
    if files
        .iter()
        .any(|f| state.refuse_too_large(&f.name(), f.size()))
    {
        return;
    }
    state.load_handles(files);
}

/// Text pasted from Excel: tab-separated text, or an HTML table.
fn load_paste(state: AppState, ev: &web_sys::ClipboardEvent) {
    // Pasting into a field of the form is editing, not loading data.
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.closest("[contenteditable]").ok().flatten().is_some()
        });
    if in_field {
        return;
    }
    let Some(dt) = ev.clipboard_data() else {
        return;
    };
    let text = dt.get_data("text/plain").unwrap_or_default();
    let html = dt.get_data("text/html").unwrap_or_default();
    let name = t(state.lang.get_untracked(), K::Pasted);
    if text.contains('\t') || text.contains('\n') {
        ev.prevent_default();
        state.load_files(vec![(format!("{name}.tsv"), text.into_bytes())]);
    } else if html.to_ascii_lowercase().contains("<table") {
        ev.prevent_default();
        state.load_files(vec![(format!("{name}.html"), html.into_bytes())]);
    }
}

/// File input (`file-input`) inside a drop zone (`drop-zone`), the loading
/// indicator and `input-error`.
#[component]
pub fn FileInput() -> impl IntoView {
    let state = use_state();
    let over = RwSignal::new(false);
    let progress = move || match state.loading.get() {
        Loading::Reading { progress } => progress,
        _ => None,
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        load_list(state, input.files());
        // Let the same file be chosen again after an edit.
        input.set_value("");
    };
    // The whole page accepts drops and pastes.
    let h1 = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        over.set(true);
    });
    let h2 = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        over.set(false);
        load_list(state, ev.data_transfer().and_then(|d| d.files()));
    });
    let h3 = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            over.set(false);
        }
    });
    let h4 = window_event_listener(leptos::ev::paste, move |ev| load_paste(state, &ev));
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
        h4.remove();
    });
    view! {
        <div class="tb-drop" class:tb-drop-over=move || over.get() data-testid="drop-zone"
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                over.set(false);
                load_list(state, ev.data_transfer().and_then(|d| d.files()));
            }>
            <p>{tr(K::DropHere)}</p>
            <label class="tb-button">
                {tr(K::ChooseFile)}
                <input type="file" multiple=true class="tb-visually-hidden"
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,.htm,.html,.zip"
                    data-testid="file-input" on:change=on_change />
            </label>
            <p class="tb-hint">{tr(K::MultiHint)}</p>
            <When when=move || state.is_busy()>
                <div class="tb-loading" role="status">
                    <span>{move || t(state.lang.get(), if state.loading.get() == Loading::Restoring { K::Restoring } else { K::Loading })}</span>
                    <When when=move || progress().is_some()>
                        <progress max="100" data-testid="load-progress" aria-label=tr(K::Loading)
                            prop:value=move || (progress().unwrap_or(0.0) * 100.0).round()></progress>
                        <button type="button" class="tb-secondary tb-small" data-testid="cancel-load"
                            on:click=move |_| state.cancel_load()>
                            {tr(K::Cancel)}
                        </button>
                    </When>
                </div>
            </When>
            <InputError />
            <crate::components::archive::ArchiveNote />
        </div>
    }
}

/// `input-error`: why the last input could not be read (also the only trace
/// of the input in an embedded view); a refused "Hồ sơ lưu" first.
#[component]
pub fn InputError() -> impl IntoView {
    let state = use_state();
    let message = move || {
        let lang = state.lang.get();
        match state.archive_status.get() {
            ArchiveStatus::Failed(e) => Some(e.message(lang)),
            _ => state.error.with(|e| e.as_ref().map(|e| e.message(lang))),
        }
    };
    view! {
        <When when=move || message().is_some()>
            <p class="tb-error" role="alert" data-testid="input-error">
                {move || message().unwrap_or_default()}
            </p>
        </When>
    }
}
