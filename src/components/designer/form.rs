//! The definition's fields: core writes the form as HTML
//! (`thongbao_core::designer::form`) and one listener applies each change
//! (`ReportSpec::apply_edit`) or button (`ReportSpec::apply_action`). The
//! form is rebuilt only when its rows change (`ReportSpec::structure_key`)
//! or the language does: a field left with Tab keeps the next one focused.

use crate::i18n::by_id;
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use thongbao_core::spec::ReportSpec;
use wasm_bindgen::JsCast;

/// Change the active definition (a report without one gets an empty one).
fn edit(state: AppState, f: impl FnOnce(&mut ReportSpec)) {
    state
        .profile
        .update(|p| f(p.report.get_or_insert_with(ReportSpec::default)));
}

/// `designer-form`: indicators, measures and classes.
#[component]
pub(super) fn DesignerForm() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let key = Memo::new(move |_| {
        state.profile.with(|p| {
            (
                p.id.clone(),
                p.report.as_ref().map(ReportSpec::structure_key),
            )
        })
    });
    let html = move || {
        key.with(|_| ());
        let lang = lang.get();
        state.profile.with_untracked(|p| {
            let spec = p.report.clone().unwrap_or_default();
            thongbao_core::designer::form(&spec, &|id| by_id(lang, id))
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(path) = el.get_attribute("data-edit") else {
            return;
        };
        let value = if el.get_attribute("type").as_deref() == Some("checkbox") {
            event_target_checked(&ev).to_string()
        } else {
            event_target_value(&ev)
        };
        edit(state, |r| r.apply_edit(&path, &value));
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-act]").ok().flatten())
            .and_then(|b| b.get_attribute("data-act"));
        if let Some(act) = act {
            edit(state, |r| r.apply_action(&act));
        }
    };
    view! {
        <div data-testid="designer-form" on:change=on_change on:click=on_click inner_html=html></div>
    }
}
