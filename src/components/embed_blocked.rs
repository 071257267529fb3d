//! `embed-blocked`: what an embedded widget says when the portal's iframe
//! sandbox blocks a download or printing (see `crate::embed::Guard`),
//! instead of a button that does nothing: the reason and a link that opens
//! the same view in a new tab, where the browser allows both.

use crate::components::when::When;
use crate::embed::{Blocked, Guard};
use crate::i18n::{t, K};
use crate::state::use_state;
use leptos::prelude::*;

/// The message, shown once something was blocked.
#[component]
pub fn EmbedBlocked(guard: Guard) -> impl IntoView {
    let lang = use_state().lang;
    // This view's own address: in a new tab it is a page of its own.
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let text = move || {
        let key = match guard.blocked.get() {
            Some(Blocked::Download) => K::BlockedDownload,
            Some(Blocked::MaybeDownload) => K::BlockedMaybeDownload,
            Some(Blocked::Print) => K::BlockedPrint,
            None => return "",
        };
        t(lang.get(), key)
    };
    view! {
        <When when=move || guard.blocked.with(Option::is_some)>
            <p class="tb-warning tb-blocked no-print" role="alert" data-testid="embed-blocked">
                <span>{text}</span>" "
                <a href=href.clone() target="_blank" rel="noopener" data-testid="embed-open-tab">
                    {move || t(lang.get(), K::BlockedOpenTab)}
                </a>
                " "
                <button type="button" class="tb-secondary tb-small" on:click=move |_| guard.blocked.set(None)>
                    {move || t(lang.get(), K::BlockedClose)}
                </button>
            </p>
        </When>
    }
}
