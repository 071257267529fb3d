//! The page: header, input, dashboard, letter.

use crate::components::{
    dashboard::Dashboard, file_input::FileInput, notice::Notice, row_issues::RowIssues,
    source::SourceLine, unit_table::UnitTable,
};
use crate::i18n::t;
use crate::state::AppState;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let lang = state.lang;
    view! {
        <div class="tb-app" lang=move || lang.get().code()>
            <header class="tb-header no-print">
                <div>
                    <h1>{move || t(lang.get(), "app-title")}</h1>
                    <p class="tb-privacy">{move || t(lang.get(), "privacy")}</p>
                </div>
                <button
                    class="tb-lang"
                    data-testid="lang-switch"
                    on:click=move |_| lang.update(|l| *l = if *l == thongbao_core::Lang::Vi { thongbao_core::Lang::En } else { thongbao_core::Lang::Vi })
                >
                    {move || t(lang.get(), "lang-switch")}
                </button>
            </header>
            <main class="tb-main">
                <section class="tb-input no-print">
                    <FileInput />
                    <SourceLine />
                    <RowIssues />
                </section>
                <section class="tb-dashboard no-print">
                    <Dashboard />
                    <UnitTable />
                </section>
                <Notice />
            </main>
        </div>
    }
}
