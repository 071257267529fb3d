//! `embed-credit`: the line under an embedded view that lets a reader trust
//! a figure — "Nguồn: so-lieu.xlsx · Số liệu ngày 12/11/2021 · Huyện Quan
//! Sơn" (core's `embed::credit_line`). The embedder may name the source
//! (`&source=`, `data-source=`); it is shown as text, never as HTML.

use crate::i18n::{t, K};
use crate::state::use_state;
use leptos::prelude::*;

/// The credit line of an embedded view.
#[component]
pub fn EmbedCredit(
    /// The embedder's text for "Nguồn", replacing the data's file names.
    custom: Option<String>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let line = move || {
        let mut files = state.with_dataset(|d| d.source_names());
        if state.is_sample() {
            files = format!("{} ({files})", t(lang.get(), K::Sample));
        }
        let date = state
            .fields
            .with(|f| f.data_date)
            .or_else(|| state.figures.with(|c| c.current.date));
        let area = state.fields.with(|f| {
            if f.area.trim().is_empty() {
                f.issuer_short.clone()
            } else {
                f.area.clone()
            }
        });
        thongbao_core::embed::credit_line(custom.as_deref(), &files, date, &area, lang.get())
    };
    view! { <p class="tb-credit" data-testid="embed-credit">{line}</p> }
}
