//! Thin wrappers over browser APIs: reading dropped files, downloads, the
//! panic hook. No logic: what to read and write is decided in core.

use thongbao_core::ingest::{header, Role};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Read a `File` into bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_text(&e))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The text of the file chosen in an `<input type="file">` (the input is
/// cleared so the same file can be chosen again), for small JSON files.
pub async fn chosen_text(input: web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files().and_then(|l| l.get(0))?;
    input.set_value("");
    let bytes = read_file(&file).await.unwrap_or_default();
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Offer bytes as a download with the given name and MIME type.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let arr = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&arr);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// A panic aborts the module (see ARCHITECTURE.md, "Size"); `src/js/crash.js`
/// turns the resulting trap into a message with a reload action instead of
/// a dead page. The work is saved as it changes, so the reload brings it back.
#[wasm_bindgen(module = "/src/js/crash.js")]
extern "C" {
    /// Watch for traps of this module (once per page).
    pub fn watch_crashes();
    /// Show the crash banner now.
    pub fn show_crash_banner();
}

/// The letter prints with its page numbers in every browser: `src/js/print.js`
/// paginates it into A4 sheets just before printing (see style/letter.css).
#[wasm_bindgen(module = "/src/js/print.js")]
extern "C" {
    /// Paginate the letter on `beforeprint`, restore it on `afterprint` (once per page).
    pub fn watch_print();
}

/// The text of a JS error or value, for messages (`Error.message`, a
/// string, or the value as JS would print it).
pub fn js_text(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "JS error".into())
}

/// Run `f` after the next paint (a frame, then a task): work the clerk does
/// not see at once (saving, history) stays out of the way of the figures.
/// A hidden tab gets no frames: then it runs after 200 ms.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::time::Duration;
    use wasm_bindgen::closure::Closure;
    let Some(w) = web_sys::window() else {
        return f();
    };
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let later = run.clone();
    leptos::prelude::set_timeout(later, Duration::from_millis(200));
    let frame = Closure::once_into_js(move || leptos::prelude::set_timeout(run, Duration::ZERO));
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "blocked".to_string())?
        .ok_or_else(|| "unavailable".to_string())
}

const STORAGE_OFF: &str = "Trình duyệt không cho lưu dữ liệu (chế độ riêng tư hoặc bị chặn): ứng dụng vẫn chạy, nhưng tải lại trang sẽ mất phần đã nhập. / Storage is disabled: the app works, but a reload loses your work.";
const STORAGE_FULL: &str = "Bộ nhớ trình duyệt đã đầy: không lưu được dữ liệu mới nhất. Hãy xuất bản sao lưu. / Browser storage is full: the latest work is not saved. Export a backup.";

/// Read a saved value; `Err` with a message when storage is disabled.
pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    let s = local_storage().map_err(|_| STORAGE_OFF.to_string())?;
    s.get_item(key).map_err(|_| STORAGE_OFF.to_string())
}

/// Save a value; `Err` with a message when storage is full or disabled.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    let s = local_storage().map_err(|_| STORAGE_OFF.to_string())?;
    s.set_item(key, value).map_err(|_| STORAGE_FULL.to_string())
}

/// A query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

const MAPPING_PREFIX: &str = "thongbao:mapping:";

/// The column mapping the user chose for a file with this header, if any.
pub fn remembered_mapping(headers: &[String]) -> Option<Vec<Option<Role>>> {
    let sig = header::signature(headers);
    let stored = storage_get(&format!("{MAPPING_PREFIX}{sig}")).ok()??;
    Some(stored.split(',').map(Role::from_id).collect())
}

/// Remember a column mapping for files with this header.
pub fn remember_mapping(headers: &[String], mapping: &[Option<Role>]) {
    let sig = header::signature(headers);
    let ids: Vec<&str> = mapping
        .iter()
        .map(|r| r.map(Role::id).unwrap_or(""))
        .collect();
    let _ = storage_set(&format!("{MAPPING_PREFIX}{sig}"), &ids.join(","));
}

/// Open the browser's print dialog (print CSS shows only the letter).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Fetch a URL's bytes; `Err` says why in words (network, CORS, HTTP status).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| {
            "mạng lỗi hoặc bị chặn (CORS) / network error or blocked (CORS)".to_string()
        })?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "no response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(
        resp.array_buffer().map_err(|_| "no body".to_string())?,
    )
    .await
    .map_err(|_| "đọc dữ liệu lỗi / read error".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Render an SVG document onto a canvas at `scale` and download it as PNG.
pub fn download_svg_as_png(svg: &str, width: f64, height: f64, scale: f64, name: &str) {
    use wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let Ok(canvas) = doc.create_element("canvas") else {
            return;
        };
        let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        canvas.set_width((width * scale) as u32);
        canvas.set_height((height * scale) as u32);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        let _ = ctx.scale(scale, scale);
        let _ =
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, width, height);
        let Ok(data_url) = canvas.to_data_url_with_type("image/png") else {
            return;
        };
        let Some(b64) = data_url.split(',').nth(1) else {
            return;
        };
        if let Ok(bin) = web_sys::window()
            .map(|w| w.atob(b64))
            .unwrap_or(Err(JsValue::NULL))
        {
            let bytes: Vec<u8> = bin.chars().map(|c| c as u32 as u8).collect();
            let _ = download(&name, "image/png", &bytes);
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
}

#[wasm_bindgen(module = "/src/js/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_put(key: &str, value: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_clear() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_all() -> Result<JsValue, JsValue>;
}

/// The stored history (IndexedDB), oldest first.
pub async fn history_all() -> Result<Vec<thongbao_core::history::Snapshot>, String> {
    let v = idb_all().await.map_err(|e| js_text(&e))?;
    let arr = js_sys::Array::from(&v);
    let mut out: Vec<_> = arr
        .iter()
        .filter_map(|x| x.as_string())
        .filter_map(|s| thongbao_core::history::Snapshot::from_json(&s))
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.area.cmp(&b.area)));
    Ok(out)
}

/// Store a snapshot (replacing the one of the same area and date).
pub async fn history_put(s: &thongbao_core::history::Snapshot) -> Result<(), String> {
    idb_put(&s.key(), &s.to_json())
        .await
        .map(|_| ())
        .map_err(|e| js_text(&e))
}

/// Delete a snapshot.
pub async fn history_delete(key: &str) -> Result<(), String> {
    idb_delete(key).await.map(|_| ()).map_err(|e| js_text(&e))
}

/// Delete the whole history.
pub async fn history_clear() -> Result<(), String> {
    idb_clear().await.map(|_| ()).map_err(|e| js_text(&e))
}

/// Remove every key this app saved in localStorage.
pub fn storage_clear_all() {
    if let Ok(s) = local_storage() {
        let n = s.length().unwrap_or(0);
        let keys: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with("thongbao:"))
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }
}

/// The page's address without query or fragment (for embed snippets).
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split(['?', '#']).next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

thread_local! {
    /// The worker reading a file now, and how to end its wait.
    static JOB: std::cell::RefCell<Option<(web_sys::Worker, js_sys::Function)>> = const { std::cell::RefCell::new(None) };
    /// A started worker waiting for a job (its WASM already compiled).
    static IDLE: std::cell::RefCell<Option<web_sys::Worker>> = const { std::cell::RefCell::new(None) };
}

/// Inputs up to this size leave the worker small enough to keep.
const KEEP_WORKER_UP_TO: usize = 16 * 1024 * 1024;

/// `thongbao.html` (one file, opened from disk) has no `worker.js` beside it:
/// it defines `window.thongbaoWorker()`, which starts the same worker from a
/// `blob:` URL.
fn one_file_worker() -> Option<js_sys::Function> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &"thongbaoWorker".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

fn new_worker() -> Result<web_sys::Worker, String> {
    if let Some(make) = one_file_worker() {
        return make
            .call0(&JsValue::NULL)
            .map_err(|e| js_text(&e))?
            .dyn_into::<web_sys::Worker>()
            .map_err(|_| "no worker".to_string());
    }
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options("./worker.js", &opts).map_err(|e| js_text(&e))
}

/// Start the reading worker ahead of time, so the first large file does not
/// wait for the WASM to compile in it.
pub fn warm_worker() {
    if worker_available() && IDLE.with(|i| i.borrow().is_none()) {
        if let Ok(w) = new_worker() {
            IDLE.with(|i| *i.borrow_mut() = Some(w));
        }
    }
}

/// Whether files can be read in a Web Worker here: the app served over
/// HTTP (`worker.js`), or `thongbao.html` with its `blob:` worker.
pub fn worker_available() -> bool {
    one_file_worker().is_some()
        || web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p.starts_with("http"))
}

/// Read files (name, bytes) in the worker; see [`post_to_worker`].
pub async fn run_in_worker(
    files: &[(String, Vec<u8>)],
    options_json: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<String, String> {
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let buffers = js_sys::Array::new();
    for (_, b) in files {
        buffers.push(&js_sys::Uint8Array::from(b.as_slice()).buffer());
    }
    let total = files.iter().map(|(_, b)| b.len()).sum();
    post_to_worker(&names, &buffers, true, total, options_json, on_progress)?.await
}

/// Hand a job to the reading worker now and return the wait for its result
/// (`ingest::job`'s JSON; `Err("cancelled")` when [`cancel_worker`] ended
/// it). `sources` are `ArrayBuffer`s (moved to the worker when `transfer`)
/// or `File`s, which the worker reads itself: then the page does not copy
/// the bytes on the way. `total` is their size in bytes.
pub fn post_to_worker(
    names: &[String],
    sources: &js_sys::Array,
    transfer: bool,
    total: usize,
    options_json: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<impl std::future::Future<Output = Result<String, String>>, String> {
    use wasm_bindgen::closure::Closure;
    cancel_worker();
    let worker = match IDLE.with(|i| i.borrow_mut().take()) {
        Some(w) => w,
        None => new_worker()?,
    };
    let names_js = js_sys::Array::new();
    for n in names {
        names_js.push(&JsValue::from_str(n));
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"names".into(), &names_js);
    let _ = js_sys::Reflect::set(&msg, &"buffers".into(), sources);
    let _ = js_sys::Reflect::set(&msg, &"options".into(), &JsValue::from_str(options_json));
    let w2 = worker.clone();
    let on_progress = std::rc::Rc::new(on_progress);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_progress = on_progress.clone();
        let failed = reject.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if let Some(p) = js_sys::Reflect::get(&data, &"progress".into())
                    .ok()
                    .and_then(|p| p.as_f64())
                {
                    on_progress(p);
                } else if let Some(why) = js_sys::Reflect::get(&data, &"failed".into())
                    .ok()
                    .and_then(|f| f.as_string())
                {
                    let _ = failed.call1(&JsValue::NULL, &JsValue::from_str(&why));
                } else if let Ok(r) = js_sys::Reflect::get(&data, &"result".into()) {
                    let _ = resolve.call1(&JsValue::NULL, &r);
                }
            });
        w2.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let rej = reject.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = rej.call1(&JsValue::NULL, &JsValue::from_str("worker error"));
        });
        w2.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        JOB.with(|j| *j.borrow_mut() = Some((w2.clone(), reject)));
    });
    let posted = if transfer {
        worker.post_message_with_transfer(&msg, sources)
    } else {
        worker.post_message(&msg)
    };
    posted.map_err(|e| js_text(&e))?;
    Ok(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        // Done (not cancelled): keep the worker for the next file — unless
        // the input was large: a WASM memory never shrinks, so a fresh
        // worker gives back what this one grew to.
        if let Some((w, _)) = JOB.with(|j| j.borrow_mut().take()) {
            if result.is_ok() && total <= KEEP_WORKER_UP_TO {
                IDLE.with(|i| *i.borrow_mut() = Some(w));
            } else {
                w.terminate();
                warm_worker();
            }
        }
        result
            .map(|v| v.as_string().unwrap_or_default())
            .map_err(|e| e.as_string().unwrap_or_default())
    })
}

/// Stop the worker reading a file, if any.
pub fn cancel_worker() {
    JOB.with(|j| {
        if let Some((w, reject)) = j.borrow_mut().take() {
            w.terminate();
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("cancelled"));
        }
    });
}
