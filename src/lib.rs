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

/// Watch for crashes and mount the app on `<body>` — on the app's own
/// page only (`<body data-thongbao="app">`): a page that loads the module
/// through `embed.js` mounts widgets with [`embed::mount_embed`] instead.
pub fn start() {
    browser::watch_crashes();
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

/// Benchmark hook (`make bench`): the size of this WASM instance's memory.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Worker entry (`worker.js`, written by `tools/postbuild.mjs`): read files
/// off the page's thread. `options` is `ReadOptions` as JSON; `progress` is
/// called with 0.0–1.0; the result is `ingest::job`'s JSON.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_run(
    names: Vec<String>,
    buffers: js_sys::Array,
    options: &str,
    progress: &js_sys::Function,
) -> String {
    use thongbao_core::ingest::{job, ReadOptions};
    let opts: ReadOptions = serde_json_options(options);
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(buffers.iter())
        .map(|(n, b)| (n, js_sys::Uint8Array::new(&b).to_vec()))
        .collect();
    let mut last = -1.0f64;
    let result = job::run(&files, &opts, state::PERSIST_MAX_UNITS, &mut |p| {
        // A message per percent at most.
        if p - last >= 0.01 || p >= 1.0 {
            last = p;
            let _ = progress.call1(
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_f64(p),
            );
        }
    });
    job::to_json(&result)
}

fn serde_json_options(s: &str) -> thongbao_core::ingest::ReadOptions {
    thongbao_core::ingest::ReadOptions::from_json(s)
}
