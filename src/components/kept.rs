//! Whether the data on screen is kept in this browser (`data-kept`), and
//! the data another tab opened, offered, never taken by itself
//! (`other-tab-data`).

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::save::SaveStatus;
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::format;

/// The line and the offer.
#[component]
pub fn DataKept() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let status = move || match state.save_status.get() {
        SaveStatus::Sample => None,
        SaveStatus::Saving => Some(("saving", K::KeptSaving)),
        SaveStatus::Kept => Some(("kept", K::KeptYes)),
        SaveStatus::NotKept => Some(("not-kept", K::KeptNo)),
    };
    let other = move || {
        state.other_tab_data.with(|o| {
            o.as_ref().map(|h| {
                format!(
                    "{} «{}» ({} {})",
                    t(lang.get(), K::OtherTabLoaded),
                    h.name,
                    format::int(h.units as i64),
                    t(lang.get(), K::NUnits)
                )
            })
        })
    };
    view! {
        <When when=move || status().is_some()>
            <p class="tb-hint" data-testid="data-kept" data-state=move || status().map(|s| s.0)>
                {move || status().map(|s| t(lang.get(), s.1))}
            </p>
        </When>
        <When when=move || other().is_some()>
            <div class="tb-warning" role="alert" data-testid="other-tab-data">
                <p>{other}</p>
                <div class="tb-row tb-actions">
                    <button type="button" class="tb-secondary tb-small" data-testid="other-tab-use"
                        on:click=move |_| state.use_other_tab_data()>
                        {tr(K::OtherTabUse)}
                    </button>
                    <button type="button" class="tb-secondary tb-small" data-testid="other-tab-keep"
                        on:click=move |_| state.keep_this_tab_data()>
                        {tr(K::OtherTabKeep)}
                    </button>
                </div>
            </div>
        </When>
    }
}
