//! The "Embed" panel: writes the snippet a portal webmaster pastes, for the
//! current settings (view, language, data URL, the credit line's source);
//! the iframe one is sandboxed with what the widget needs
//! (`thongbao_core::embed::SANDBOX`).

use crate::browser;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;

/// The panel.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let lang = use_state().lang;
    let view_sel = RwSignal::new("dashboard".to_string());
    let src = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let both = move || {
        thongbao_core::embed::snippets(
            &browser::page_base(),
            &view_sel.get(),
            lang.get().code(),
            &src.get(),
            &source.get(),
        )
    };
    view! {
        <details class="tb-panel" data-testid="embed-panel">
            <summary>{tr(K::EmbedTitle)}</summary>
            <p class="tb-hint">{tr(K::EmbedHint)}</p>
            <div class="tb-row">
                <div class="tb-field">
                    <label for="embed-view">{tr(K::EmbedView)}</label>
                    <select id="embed-view" on:change=move |ev| view_sel.set(event_target_value(&ev))>
                        <option value="dashboard">{tr(K::EmbedDashboard)}</option>
                        <option value="table">{tr(K::TableTitle)}</option>
                        <option value="chart">{tr(K::Charts)}</option>
                        <option value="notice">{tr(K::NoticeTitle)}</option>
                    </select>
                </div>
                <div class="tb-field">
                    <label for="embed-src">{tr(K::EmbedSrc)}</label>
                    <input id="embed-src" type="url" placeholder="https://…/so-lieu.xlsx" prop:value=move || src.get()
                        on:input=move |ev| src.set(event_target_value(&ev)) />
                </div>
                <div class="tb-field">
                    <label for="embed-source">{tr(K::EmbedSource)}</label>
                    <input id="embed-source" type="text" data-testid="embed-source" placeholder="UBND huyện …" prop:value=move || source.get()
                        on:input=move |ev| source.set(event_target_value(&ev)) />
                </div>
            </div>
            <p class="tb-hint">{tr(K::EmbedSandboxHint)}</p>
            <div class="tb-field">
                <label for="embed-iframe">{tr(K::EmbedIframe)}</label>
                <textarea id="embed-iframe" rows=9 readonly=true data-testid="embed-iframe" prop:value=move || both().0></textarea>
            </div>
            <div class="tb-field">
                <label for="embed-script">{tr(K::EmbedScript)}</label>
                <textarea id="embed-script" rows=3 readonly=true data-testid="embed-script" prop:value=move || both().1></textarea>
            </div>
        </details>
    }
}
