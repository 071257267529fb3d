//! thongbao, the browser app: Leptos components over `thongbao-core`.
//!
//! Layers (each uses only the ones before it): `browser` (thin wrappers
//! over browser APIs), `i18n`, `state` (the shared state as types; loading
//! and saving), `embed` (embedding options and events), `components` (one
//! feature per file), `app` (the page or one view of it). This file holds
//! the entry points JavaScript calls: [`start`], [`mount_embed`], the
//! worker's [`worker_run`] and [`worker_warm`], and the bench hooks.

pub mod app;
pub mod browser;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod state;

pub use app::App;

/// Watch for crashes and mount the app on `<body>` — on the app's own
/// page only (`<body data-thongbao="app">`): a page that loads the module
/// through `embed.js` mounts widgets with [`mount_embed`] instead.
pub fn start() {
    browser::watch_crashes();
    browser::watch_print();
    let is_app_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-thongbao"))
        .is_some_and(|v| v == "app");
    if is_app_page {
        leptos::mount::mount_to_body(App);
    }
}

/// Mount a widget into an element (the script embed, `embed.js`). Several
/// widgets may live on one page; each has its own state.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_embed(
    target: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    src: Option<String>,
    view: Option<String>,
    lang: Option<String>,
    source: Option<String>,
) {
    use embed::{Options, View};
    use leptos::prelude::*;
    let options = Options {
        view: view
            .map(|v| View::from_param(&v))
            .filter(|v| *v != View::Full)
            .unwrap_or(View::Dashboard),
        src: src.filter(|s| !s.trim().is_empty()),
        lang: lang.and_then(|l| thongbao_core::Lang::from_code(&l)),
        embedded: true,
        host: Some(host),
        source: source.and_then(|s| thongbao_core::embed::clean_source(&s)),
    };
    leptos::mount::mount_to(
        target,
        move || view! { <crate::app::Widget options=options.clone() /> },
    )
    .forget();
}

/// Benchmark hook (`make bench`): read bytes and compute the COVID
/// report's figures in WASM, returning the milliseconds taken. Not used by
/// the app.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_ingest(bytes: &[u8]) -> f64 {
    let t = js_sys::Date::now();
    if let Ok(d) = thongbao_core::ingest::read(bytes, "bench.csv") {
        let spec = thongbao_core::letter::profile::covid_spec(&Default::default());
        let c = thongbao_core::engine::compute(&d, &spec);
        assert!(!c.current.units.is_empty());
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
    let opts: ReadOptions = read_options_of(options);
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(buffers.iter())
        .map(|(n, b)| (n, js_sys::Uint8Array::new(&b).to_vec()))
        .collect();
    let mut last = -1.0f64;
    let result = job::run(&files, &opts, state::load::COMPACT_ABOVE_UNITS, &mut |p| {
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

/// Worker warm-up (`worker.js` calls it once, off the page's thread, while
/// the clerk looks at the page): read a generated province-shaped file, so
/// the engine has compiled the reading code with its optimising tier and
/// the memory has grown before the first real file arrives (a cold first
/// read of 100.000 rows took ≈ 1,7 × a warm one).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_warm() {
    use std::fmt::Write;
    use thongbao_core::ingest::{job, ReadOptions};
    let mut csv =
        String::from("Ngày,Huyện,Xã,Số địa điểm,Lượt quét,Đã cài PC-Covid,Số smartphone\n");
    for d in 1..=6 {
        for u in 0..1000 {
            let _ = writeln!(
                csv,
                "0{d}/07/2021,Huyện {},Xã Phước Lộc {u},{},{},{},{}",
                u % 20,
                u % 50,
                u * 7 % 300,
                80 + u % 90,
                800 + u % 400
            );
        }
    }
    let files = [("warm.csv".to_string(), csv.into_bytes())];
    let r = job::run(&files, &ReadOptions::default(), 2000, &mut |_| {});
    std::hint::black_box(job::to_json(&r));
}

fn read_options_of(s: &str) -> thongbao_core::ingest::ReadOptions {
    thongbao_core::ingest::ReadOptions::from_json_text(s)
}
