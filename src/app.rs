//! The page: the whole app, or one view of it when embedded.

use crate::components::{
    charts::ReportChart,
    column_mapping::ColumnMapping,
    designer::Designer,
    embed_blocked::EmbedBlocked,
    embed_credit::EmbedCredit,
    embed_panel::EmbedPanel,
    file_input::{FileInput, InputError},
    kept::DataKept,
    letter_form::LetterForm,
    manual_figures::ManualFigures,
    notice::Notice,
    profile_select::ProfileSelect,
    report_view::{ReportDashboard, ReportTable},
    row_issues::RowIssues,
    saved_work::SavedWork,
    settings::SettingsPanel,
    source::SourceLine,
    when::When,
};
use crate::embed::{Options, View};
use crate::i18n::{tr, K};
use crate::state::{AppState, Loading};
use leptos::prelude::*;
use thongbao_core::Lang;

/// The app as the page's query string asks for it.
#[component]
pub fn App() -> impl IntoView {
    let options = Options::from_query();
    if options.embedded {
        crate::embed::post_height_to_parent();
    }
    view! { <Widget options=options /> }
}

/// The app, or one of its views, with its own state.
#[component]
pub fn Widget(options: Options) -> impl IntoView {
    let state = AppState::new(!options.embedded, options.lang);
    provide_context(state);
    let guard = crate::embed::provide_guard();
    if let Some(src) = options.src.clone() {
        state.load_src(src);
    }
    if options.embedded {
        crate::embed::report_changes(state, options.host.clone());
    }
    let lang = state.lang;
    let view_kind = options.view;
    let body = move || match view_kind {
        View::Full => full(state).into_any(),
        View::Dashboard => view! {
            <ReportDashboard />
            <InputError />
        }
        .into_any(),
        View::Table => view! {
            <ReportTable />
            <InputError />
        }
        .into_any(),
        View::Chart => view! {
            <ReportChart />
            <InputError />
        }
        .into_any(),
        View::Notice => view! { <Notice /> <InputError /> }.into_any(),
    };
    // While the kept data is read back, no figure of the sample shows.
    let restoring = move || state.loading.get() == Loading::Restoring;
    // What a reader needs to trust a figure, under every embedded view.
    let credit = (options.view != View::Full)
        .then(|| view! { <EmbedCredit custom=options.source.clone() /> });
    view! {
        <div class="tb-app" class:tb-embedded=options.embedded lang=move || lang.get().code() data-view=options.view.id()>
            <When when=move || !restoring()
                fallback=|| view! { <p class="tb-loading" role="status" data-testid="restoring">{tr(K::Restoring)}</p> }>
                {body}
            </When>
            {credit}
            <EmbedBlocked guard=guard />
        </div>
    }
}

fn full(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // The figures typed by hand and the thresholds are the COVID report's.
    let covid = move || state.spec.with(|s| s.reads_builtin_roles());
    view! {
        <header class="tb-header no-print">
            <div>
                <h1>{tr(K::AppTitle)}</h1>
                <p class="tb-privacy" data-testid="privacy">{tr(K::Privacy)}</p>
            </div>
            <button type="button" class="tb-lang" data-testid="lang-switch"
                lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                on:click=move |_| lang.update(|l| *l = if *l == Lang::Vi { Lang::En } else { Lang::Vi })>
                {tr(K::LangSwitch)}
            </button>
        </header>
        <When when=move || state.storage_warning.with(Option::is_some)>
            <p class="tb-warning no-print" role="alert" data-testid="storage-warning">
                {move || state.storage_warning.with(|w| w.as_ref().map(|w| w.message(lang.get())).unwrap_or_default())}
            </p>
        </When>
        <main class="tb-main">
            <section class="tb-input no-print" aria-label=tr(K::Source)>
                <ProfileSelect />
                <FileInput />
                <SourceLine />
                <DataKept />
                <ColumnMapping />
                <RowIssues />
            </section>
            <section class="tb-dashboard no-print">
                <ReportDashboard />
                <ReportChart />
                <When when=covid>
                    <ManualFigures />
                    <SettingsPanel />
                </When>
                <ReportTable />
                <Designer />
            </section>
            <div class="tb-letter-area">
                <LetterForm />
                <div class="tb-letter-preview">
                    <Notice />
                </div>
            </div>
            <section class="tb-extras no-print">
                <SavedWork />
                <EmbedPanel />
            </section>
        </main>
    }
}
