//! The file picker and the drop zone. Files are read as bytes and handed to
//! core; nothing leaves the browser.

use crate::browser::read_file;
use crate::i18n::t;
use crate::state::use_state;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Read every file of a `FileList` and load them together.
fn load_list(list: Option<web_sys::FileList>) {
    let state = use_state();
    let Some(list) = list else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    for f in &files {
        if state.refuse_too_large(&f.name(), f.size()) {
            return;
        }
    }
    state.loading.set(true);
    spawn_local(async move {
        let mut read = Vec::new();
        for f in files {
            match read_file(&f).await {
                Ok(bytes) => read.push((f.name(), bytes)),
                Err(_) => {
                    // A file the browser cannot read (moved, locked): treat as empty.
                    read.push((f.name(), Vec::new()));
                }
            }
        }
        state.load_files(read);
        state.loading.set(false);
    });
}

/// File input (`file-input`) inside a drop zone (`drop-zone`).
#[component]
pub fn FileInput() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let over = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        load_list(input.files());
        // Let the same file be chosen again after an edit.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        load_list(ev.data_transfer().and_then(|d| d.files()));
    };
    view! {
        <div
            class="tb-drop"
            class:tb-drop-over=move || over.get()
            data-testid="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <p>{move || t(lang.get(), "drop-here")}</p>
            <label class="tb-button">
                {move || t(lang.get(), "choose-file")}
                <input
                    type="file"
                    multiple=true
                    class="tb-visually-hidden"
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,.htm,.html"
                    data-testid="file-input"
                    on:change=on_change
                />
            </label>
            <Show when=move || state.loading.get()>
                <p class="tb-loading" role="status">{move || t(lang.get(), "loading")}</p>
            </Show>
            <Show when=move || state.error.with(Option::is_some)>
                <p class="tb-error" role="alert" data-testid="input-error">
                    {move || state.error.with(|e| e.as_ref().map(|e| e.message(lang.get())).unwrap_or_default())}
                </p>
            </Show>
        </div>
    }
}
