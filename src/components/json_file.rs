//! "Open a JSON file" (an office profile, a backup) as a button: a label
//! around a hidden file input; the file's text goes to `on_text`.

use crate::browser;
use crate::i18n::{tr, K};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A button that opens a small JSON file.
#[component]
pub fn JsonFile(
    /// Label key (see `i18n`).
    label: K,
    /// `data-testid` of the file input.
    testid: &'static str,
    /// Classes of the button.
    class: &'static str,
    /// Called with the chosen file's text.
    #[prop(into)]
    on_text: Callback<String>,
) -> impl IntoView {
    let open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        spawn_local(async move {
            if let Some(text) = browser::chosen_text(input).await {
                on_text.run(text);
            }
        });
    };
    view! {
        <label class=format!("tb-button {class}")>
            {tr(label)}
            <input type="file" accept=".json,application/json" class="tb-visually-hidden" data-testid=testid on:change=open />
        </label>
    }
}
