//! Thin wrappers over browser APIs: reading dropped files, downloads, the
//! panic hook, printing, fetching; storage (`storage`) and the reading
//! worker (`worker`) in their own files. No logic: what to read and write
//! is decided in core.

mod storage;
mod worker;

pub use storage::*;
pub use worker::*;

use thongbao_core::ingest::FetchFault;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why the browser did not give what was asked: a file's bytes, a URL's,
/// a worker. Typed like [`StorageError`]; the page words it (a fetch's
/// through [`BrowserError::fetch_fault`], in `IngestError::Fetch`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrowserError {
    /// No window: not running in a page.
    NoWindow,
    /// A request got no answer: the network failed, or the server does not
    /// let this page read it (CORS).
    NoAnswer,
    /// The server answered with an error status.
    Status { code: u16, text: String },
    /// The bytes of a file or of an answer could not be read.
    Unreadable,
    /// What should have started a worker gave something else.
    NoWorker,
    /// A JS call failed; its own words ([`js_text`]).
    Js(String),
}

impl BrowserError {
    /// What a failed fetch says in `IngestError::Fetch`, which words it in
    /// the page's language.
    pub fn fetch_fault(self) -> FetchFault {
        match self {
            BrowserError::Status { code, text } => FetchFault::Status { code, text },
            BrowserError::Unreadable => FetchFault::Body,
            // The request could not be made or was not answered.
            BrowserError::NoWindow
            | BrowserError::NoAnswer
            | BrowserError::NoWorker
            | BrowserError::Js(_) => FetchFault::NoAnswer,
        }
    }
}

/// Read a `File` into bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, BrowserError> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| BrowserError::Unreadable)?;
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

/// Resolves in a later task of the event loop (`setTimeout(0)`): work
/// after it is not part of the task before it, so a long job split there
/// is two shorter tasks, with input and painting between them.
pub async fn next_task() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = w.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The number in attribute `attr` of the `button[attr]` a click landed in
/// (core's HTML puts one listener on a whole table: `data-fold`,
/// `data-sort`).
pub fn clicked_button(ev: &web_sys::MouseEvent, attr: &str) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(&format!("button[{attr}]")).ok().flatten())
        .and_then(|b| b.get_attribute(attr))
        .and_then(|v| v.parse().ok())
}

/// Focus the button `button[{attr}="{value}"]` of `ev`'s listening
/// element after the next frame: a table written as one HTML string
/// replaces the button a keyboard user just pressed, and the focus would
/// fall back to the page.
pub fn refocus_button(ev: &web_sys::MouseEvent, attr: &str, value: usize) {
    let Some(root) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let selector = format!("button[{attr}=\"{value}\"]");
    after_paint(move || {
        if let Some(b) = root
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = b.focus();
        }
    });
}

/// A query parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Open the browser's print dialog (print CSS shows only the letter).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Fetch a URL's bytes; `Err` says why (no answer, an HTTP status, a body
/// that cannot be read).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::NoWindow)?;
    let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| BrowserError::NoAnswer)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| BrowserError::NoAnswer)?;
    if !resp.ok() {
        return Err(BrowserError::Status {
            code: resp.status(),
            text: resp.status_text(),
        });
    }
    let body = resp.array_buffer().map_err(|_| BrowserError::Unreadable)?;
    let buf = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .map_err(|_| BrowserError::Unreadable)?;
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

/// The page's address without query or fragment (for embed snippets).
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split(['?', '#']).next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The time now, ISO 8601 with the clerk's time zone offset
/// ("2021-11-16T09:30:05+07:00").
pub fn now_local_iso() -> String {
    let d = js_sys::Date::new_0();
    // Minutes east of UTC (JS gives west as positive).
    let east = -(d.get_timezone_offset() as i64);
    let sign = if east < 0 { '-' } else { '+' };
    let off = east.unsigned_abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        off / 60,
        off % 60
    )
}
