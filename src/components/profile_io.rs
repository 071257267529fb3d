//! An office's report profile (letterhead, signer, recipients, thresholds,
//! texts) saved as a small JSON file and opened again next week.

use crate::browser;
use crate::components::json_file::JsonFile;
use crate::components::when::When;
use crate::i18n::{tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::letter::Profile;

/// Save / open profile controls.
#[component]
pub fn ProfileIo() -> impl IntoView {
    let state = use_state();
    let message = RwSignal::new(None::<String>);
    let save = move |_| {
        let p = state.current_profile();
        let _ = browser::download(
            "ho-so-bao-cao.json",
            "application/json",
            p.to_json().as_bytes(),
        );
    };
    let open = move |text: String| match Profile::from_json(&text) {
        Ok(p) => {
            message.set(Some(format!("✓ {}", p.name)));
            state.keep_own_profile(p);
            state.reread_with_reports();
        }
        Err(e) => message.set(Some(e.message(state.lang.get_untracked()))),
    };
    view! {
        <div class="tb-profile-io">
            <button type="button" class="tb-secondary tb-small" data-testid="profile-save" on:click=save>
                {tr(K::ProfileSave)}
            </button>
            <JsonFile label=K::ProfileOpen testid="profile-open" class="tb-secondary tb-small" on_text=open />
            <When when=move || message.with(Option::is_some)>
                <span role="status" class="tb-hint" data-testid="profile-message">{move || message.get().unwrap_or_default()}</span>
            </When>
        </div>
    }
}
