//! `profile-select`: which report the page writes (the built-in ones and
//! the office's own), and the note when a file switched it, with the way
//! back.

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;

/// The report chooser.
#[component]
pub fn ProfileSelect() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let name = move |p: &thongbao_core::letter::Profile| {
        if lang.get() == thongbao_core::Lang::En && !p.name_en.is_empty() {
            p.name_en.clone()
        } else {
            p.name.clone()
        }
    };
    let options = move || {
        let active = state.profile.with(|p| p.id.clone());
        state.profiles.with(|ps| {
            ps.iter()
                .map(|p| {
                    let selected = p.id == active;
                    view! { <option value=p.id.clone() selected=selected>{name(p)}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <label class="tb-profile-select">
            <span>{tr(K::ReportLabel)}</span>
            <select data-testid="profile-select"
                prop:value=move || state.profile.with(|p| p.id.clone())
                on:change=move |ev| state.choose_profile(&event_target_value(&ev))>
                {options}
            </select>
        </label>
        <When when=move || state.switched_from.with(Option::is_some)>
            <p class="tb-note" role="status" data-testid="report-switched">
                {move || t(lang.get(), K::ReportSwitched)} " «"
                <span data-testid="report-switched-to">{move || state.profile.with(|p| name(p))}</span>
                "». "
                <button type="button" class="tb-secondary tb-small" data-testid="report-switch-back"
                    on:click=move |_| state.switch_back()>
                    {tr(K::SwitchBack)}
                </button>
            </p>
        </When>
    }
}
