//! The `column-mapping` panel: assign a role to each column when the header
//! could not be recognised (or to correct the recognition). The choice is
//! remembered for files with the same header.

use crate::browser;
use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::ingest::{IngestError, Role};

/// Headers and roles to show: from a `NeedsMapping` error, or from the last
/// file read when the user asked to correct it.
fn current(
    state: crate::state::AppState,
    editing: bool,
) -> Option<(Vec<String>, Vec<Option<Role>>)> {
    if let Some(IngestError::NeedsMapping { headers, roles, .. }) = state.error.get() {
        return Some((headers, roles));
    }
    if !editing || state.is_sample() {
        return None;
    }
    state.with_dataset(|d| {
        d.sources.last().map(|s| {
            (
                s.columns.iter().map(|c| c.header.clone()).collect(),
                s.columns.iter().map(|c| c.role).collect(),
            )
        })
    })
}

/// The panel.
#[component]
pub fn ColumnMapping() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let editing = RwSignal::new(false);
    let choice = RwSignal::new(Vec::<Option<Role>>::new());
    let data = Memo::new(move |_| current(state, editing.get()));
    Effect::new(move |_| {
        if let Some((_, roles)) = data.get() {
            choice.set(roles);
        }
    });
    let apply = move |_| {
        let Some((headers, _)) = data.get_untracked() else {
            return;
        };
        let mapping = choice.get_untracked();
        browser::remember_mapping(&headers, &mapping);
        editing.set(false);
        state.reread(|o| o.mapping = Some(mapping));
    };
    view! {
        <When when=move || !state.is_sample() && state.error.with(|e| e.is_none()) && !editing.get()>
            <button type="button" class="tb-secondary tb-small" data-testid="edit-mapping"
                on:click=move |_| editing.set(true)>
                {tr(K::EditMapping)}
            </button>
        </When>
        <When when=move || data.with(Option::is_some)>
            <div class="tb-panel tb-mapping" data-testid="column-mapping" role="group" aria-labelledby="mapping-title">
                <h3 id="mapping-title">{tr(K::MappingTitle)}</h3>
                <p class="tb-hint">{tr(K::MappingHint)}</p>
                <div class="tb-mapping-grid">
                    {move || data.get().map(|(headers, _)| headers.into_iter().enumerate().map(|(i, h)| {
                        let id = format!("map-{i}");
                        let shown = if h.is_empty() { format!("({})", i + 1) } else { h.clone() };
                        view! {
                            <div class="tb-field">
                                <label for=id.clone()>{shown}</label>
                                <select id=id data-testid="mapping-select" data-column=i.to_string()
                                    on:change=move |ev| {
                                        let r = Role::from_id(&event_target_value(&ev));
                                        choice.update(|c| { if c.len() <= i { c.resize(i + 1, None); } c[i] = r; });
                                    }>
                                    <option value="" selected=move || choice.with(|c| c.get(i).copied().flatten().is_none())>
                                        {tr(K::MappingIgnore)}
                                    </option>
                                    {Role::ALL.into_iter().map(|r| view! {
                                        <option value=r.id() selected=move || choice.with(|c| c.get(i).copied().flatten() == Some(r))>
                                            {move || r.label(lang.get())}
                                        </option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view())}
                </div>
                <div class="tb-field-actions">
                    <span class="tb-hint">
                        {move || if thongbao_core::ingest::header::is_usable(&choice.get()) { "" } else { t(lang.get(), K::MappingNeeds) }}
                    </span>
                    <button type="button" data-testid="apply-mapping"
                        disabled=move || !thongbao_core::ingest::header::is_usable(&choice.get())
                        on:click=apply>
                        {tr(K::MappingApply)}
                    </button>
                </div>
            </div>
        </When>
    }
}
