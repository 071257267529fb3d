//! thongbao, the browser app: Leptos components over `thongbao-core`.
//!
//! Components read the shared [`state::AppState`] from context and call core
//! functions from memos; they hold no logic of their own beyond wiring.

pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod state;

pub use app::App;

/// Install the panic hook and mount the app on `<body>` — on the app's own
/// page only (`<body data-thongbao="app">`): a page that loads the module
/// through `embed.js` mounts widgets with [`embed::mount_embed`] instead.
pub fn start() {
    browser::install_panic_hook();
    let is_app_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-thongbao"))
        .is_some_and(|v| v == "app");
    if is_app_page {
        leptos::mount::mount_to_body(App);
    }
}

/// Benchmark hook (`make bench`): ingest and summarise bytes in WASM,
/// returning the milliseconds taken. Not used by the app.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_ingest(bytes: &[u8]) -> f64 {
    let t = js_sys::Date::now();
    if let Ok(d) = thongbao_core::ingest::read(bytes, "bench.csv") {
        let s = thongbao_core::stats::summarize(&d, &Default::default(), &Default::default());
        assert!(s.unit_count > 0);
    }
    js_sys::Date::now() - t
}
