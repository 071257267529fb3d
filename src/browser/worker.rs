//! The Web Worker that reads large files off the page's thread
//! (`worker.js`, or the `blob:` worker of `thongbao.html`).

use super::{js_text, BrowserError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

fn new_worker() -> Result<web_sys::Worker, BrowserError> {
    let js = |e: JsValue| BrowserError::Js(js_text(&e));
    if let Some(make) = one_file_worker() {
        return make
            .call0(&JsValue::NULL)
            .map_err(js)?
            .dyn_into::<web_sys::Worker>()
            .map_err(|_| BrowserError::NoWorker);
    }
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options("./worker.js", &opts).map_err(js)
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

/// How a job in the worker ended.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerAnswer {
    /// `ingest::job`'s JSON.
    Done(String),
    /// [`cancel_worker`] ended it.
    Cancelled,
    /// The worker could not do it (no worker, a file it cannot read): the
    /// page reads the files itself.
    Failed,
}

/// Read files (name, bytes) in the worker; see [`post_to_worker`].
pub async fn run_in_worker(
    files: &[(String, Vec<u8>)],
    options_json: &str,
    on_progress: impl Fn(f64) + 'static,
) -> WorkerAnswer {
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let buffers = js_sys::Array::new();
    for (_, b) in files {
        buffers.push(&js_sys::Uint8Array::from(b.as_slice()).buffer());
    }
    let total = files.iter().map(|(_, b)| b.len()).sum();
    match post_to_worker(&names, &buffers, true, total, options_json, on_progress) {
        Ok(job) => job.await,
        Err(_) => WorkerAnswer::Failed,
    }
}

/// Hand a job to the reading worker now and return the wait for its
/// answer. `sources` are `ArrayBuffer`s (moved to the worker when `transfer`)
/// or `File`s, which the worker reads itself: then the page does not copy
/// the bytes on the way. `total` is their size in bytes.
pub fn post_to_worker(
    names: &[String],
    sources: &js_sys::Array,
    transfer: bool,
    total: usize,
    options_json: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<impl std::future::Future<Output = WorkerAnswer>, BrowserError> {
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
    posted.map_err(|e| BrowserError::Js(js_text(&e)))?;
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
        match result {
            Ok(v) => WorkerAnswer::Done(v.as_string().unwrap_or_default()),
            // Only `cancel_worker` rejects with `undefined`.
            Err(e) if e.is_undefined() => WorkerAnswer::Cancelled,
            Err(_) => WorkerAnswer::Failed,
        }
    })
}

/// Stop the worker reading a file, if any.
pub fn cancel_worker() {
    JOB.with(|j| {
        if let Some((w, reject)) = j.borrow_mut().take() {
            w.terminate();
            let _ = reject.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    });
}
