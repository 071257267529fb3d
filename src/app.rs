//! The page: header, input, dashboard, letter.

use crate::components::{
    charts::Charts,
    column_mapping::ColumnMapping, dashboard::Dashboard, file_input::FileInput,
    letter_form::LetterForm, manual_figures::ManualFigures, notice::Notice, row_issues::RowIssues,
    settings::SettingsPanel, source::SourceLine, unit_table::UnitTable,
};
use crate::i18n::t;
use crate::state::AppState;
use leptos::prelude::*;
use thongbao_core::Lang;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let lang = state.lang;
    if let Some(src) = crate::browser::query_param("src").filter(|s| !s.trim().is_empty()) {
        crate::components::file_input::load_src(state, src);
    }
    view! {
        <div class="tb-app" lang=move || lang.get().code()>
            <header class="tb-header no-print">
                <div>
                    <h1>{move || t(lang.get(), "app-title")}</h1>
                    <p class="tb-privacy" data-testid="privacy">{move || t(lang.get(), "privacy")}</p>
                </div>
                <button type="button" class="tb-lang" data-testid="lang-switch"
                    lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })>
                    {move || t(lang.get(), "lang-switch")}
                </button>
            </header>
            <Show when=move || state.storage_warning.with(Option::is_some)>
                <p class="tb-warning no-print" role="alert" data-testid="storage-warning">
                    {move || state.storage_warning.get().unwrap_or_default()}
                </p>
            </Show>
            <main class="tb-main">
                <section class="tb-input no-print" aria-label=move || t(lang.get(), "source")>
                    <FileInput />
                    <SourceLine />
                    <ColumnMapping />
                    <RowIssues />
                </section>
                <section class="tb-dashboard no-print">
                    <Dashboard />
                    <Charts />
                    <ManualFigures />
                    <SettingsPanel />
                    <UnitTable />
                </section>
                <div class="tb-letter-area">
                    <LetterForm />
                    <div class="tb-letter-preview">
                        <Notice />
                    </div>
                </div>
            </main>
        </div>
    }
}
