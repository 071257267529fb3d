//! Thresholds and rate decimals.

use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::stats::Settings;

#[component]
fn Num(
    label: K,
    id: &'static str,
    min: u32,
    max: u32,
    get: fn(&Settings) -> u32,
    set: fn(&mut Settings, u32),
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let html_id = format!("s-{id}");
    view! {
        <div class="tb-field tb-field-small">
            <label for=html_id.clone()>{move || t(lang.get(), label)}</label>
            <input id=html_id type="number" min=min max=max data-testid=format!("setting-{id}")
                prop:value=move || state.settings.with(get).to_string()
                on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                        state.settings.update(|s| set(s, v.clamp(min, max)));
                    }
                } />
        </div>
    }
}

/// The settings panel.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    view! {
        <details class="tb-panel no-print">
            <summary>{tr(K::SettingsTitle)}</summary>
            <div class="tb-row">
                <Num label=K::HighThreshold id="high" min=0 max=1000
                    get=|s| s.thresholds.high_pct set=|s, v| s.thresholds.high_pct = v />
                <Num label=K::LowThreshold id="low" min=0 max=1000
                    get=|s| s.thresholds.low_pct set=|s, v| s.thresholds.low_pct = v />
                <Num label=K::LowInstallThreshold id="low-install" min=0 max=1000
                    get=|s| s.thresholds.low_install_pct set=|s, v| s.thresholds.low_install_pct = v />
                <Num label=K::Decimals id="decimals" min=0 max=2
                    get=|s| u32::from(s.decimals) set=|s, v| s.decimals = v as u8 />
            </div>
        </details>
    }
}
