//! Embedding: the options a page gives (`?embed=1&view=…&src=…&lang=…` or
//! the script's `data-*`), and the events an embedder receives:
//! `thongbao:height` and `thongbao:report` as `postMessage` from an iframe,
//! and `thongbao:report` as a bubbling DOM `CustomEvent` on the host element
//! of a script embed.
//!
//! In a sandboxed iframe (portals sandbox their iframes) a download or
//! printing may be blocked by the host; [`Guard`] finds out and the widget
//! says so, with a link that opens the view in a new tab (see [`Blocked`]).

use crate::state::AppState;
use leptos::prelude::*;
use thongbao_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Which part of the app to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The whole app with its chrome.
    Full,
    Dashboard,
    Table,
    Chart,
    Notice,
}

impl View {
    pub fn from_param(s: &str) -> View {
        match s.trim().to_ascii_lowercase().as_str() {
            "dashboard" => View::Dashboard,
            "table" => View::Table,
            "chart" | "charts" => View::Chart,
            "notice" | "letter" => View::Notice,
            _ => View::Full,
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Dashboard => "dashboard",
            View::Table => "table",
            View::Chart => "chart",
            View::Notice => "notice",
        }
    }
}

/// How the app was started.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub view: View,
    /// A file the host serves, loaded at start.
    pub src: Option<String>,
    pub lang: Option<Lang>,
    /// Shown inside another page (iframe or script): no chrome, no saving.
    pub embedded: bool,
    /// The host element of a script embed (gets `thongbao:report`).
    pub host: Option<web_sys::HtmlElement>,
    /// The credit line's "Nguồn" given by the embedder (`&source=` or
    /// `&issuer=`, `data-source=` or `data-issuer=`): text, never HTML.
    pub source: Option<String>,
}

impl Options {
    /// From the page's query string.
    pub fn from_query() -> Options {
        let q = crate::browser::query_param;
        let embedded = q("embed").is_some_and(|v| v != "0" && v != "false");
        Options {
            view: if embedded {
                q("view")
                    .map(|v| View::from_param(&v))
                    .unwrap_or(View::Dashboard)
            } else {
                View::Full
            },
            src: q("src").filter(|s| !s.trim().is_empty()),
            lang: q("lang").and_then(|l| Lang::from_code(&l)),
            embedded,
            host: None,
            source: q("source")
                .or_else(|| q("issuer"))
                .and_then(|s| thongbao_core::embed::clean_source(&s)),
        }
    }
}

/// In an iframe: tell the parent our height whenever it changes.
pub fn post_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = std::rc::Rc::new(std::cell::Cell::new(-1i32));
    let cb = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = web_sys::window() else { return };
        let Some(el) = w.document().and_then(|d| d.body()) else {
            return;
        };
        let h = el.scroll_height();
        if h != last.get() {
            last.set(h);
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"thongbao:height".into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
            if let Ok(Some(p)) = w.parent() {
                let _ = p.post_message(&msg, "*");
            }
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(&root);
        if let Some(body) = window.document().and_then(|d| d.body()) {
            obs.observe(&body);
        }
    }
    cb.forget();
    listen_to_host(&window);
}

thread_local! {
    /// The `sandbox` attribute of our iframe as the host page told it
    /// (`thongbao:host`, sent by the snippet's script): `None` until told,
    /// `Some(None)` when the iframe has no sandbox.
    static HOST_SANDBOX: std::cell::RefCell<Option<Option<String>>> = const { std::cell::RefCell::new(None) };
}

/// Ask the host page for our iframe's sandbox (`thongbao:hello`); the
/// snippet's script answers with `thongbao:host`. Only messages from the
/// parent window are taken.
fn listen_to_host(window: &web_sys::Window) {
    let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = match (
            e.source(),
            web_sys::window().and_then(|w| w.parent().ok().flatten()),
        ) {
            (Some(src), Some(p)) => JsValue::from(src) == JsValue::from(p),
            _ => false,
        };
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        if !from_parent
            || get("type").and_then(|t| t.as_string()).as_deref() != Some("thongbao:host")
        {
            return;
        }
        let sandbox = get("sandbox").and_then(|s| s.as_string());
        HOST_SANDBOX.with(|h| *h.borrow_mut() = Some(sandbox));
    });
    let _ = window.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    cb.forget();
    if let Ok(Some(p)) = window.parent() {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"thongbao:hello".into());
        let _ = p.post_message(&msg, "*");
    }
}

/// What the host blocked, as the widget tells the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The iframe's sandbox lacks `allow-downloads`.
    Download,
    /// The iframe is sandboxed and its flags are unknown (a cross-origin
    /// host that does not answer `thongbao:hello`): the download may have
    /// been blocked, the browser gives no sign.
    MaybeDownload,
    /// `window.print()` was ignored (no `allow-modals`).
    Print,
}

/// What the page knows of the sandbox it runs in.
#[derive(Debug, PartialEq)]
enum Sandbox {
    /// Not in an iframe, or an iframe without a sandbox.
    None,
    /// The iframe's `sandbox` tokens.
    Known(String),
    /// Sandboxed, flags unknown.
    Unknown,
}

/// Whether the page runs inside a frame.
fn framed() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    matches!(w.parent(), Ok(Some(p)) if p != w)
}

/// The sandbox, as far as a page can tell: its own `<iframe>` element when
/// the host is same-origin (`frameElement.sandbox`); else the host's answer
/// to `thongbao:hello`; else an opaque origin (`"null"`, no
/// `allow-same-origin`) or a `document.domain` assignment that throws (every
/// sandbox forbids it, whatever its flags) say "sandboxed". The assignment
/// is only tried where it changes nothing (`originAgentCluster`, Chrome's
/// default); elsewhere an unanswered cross-origin host counts as no sandbox.
fn sandbox() -> Sandbox {
    let Some(w) = web_sys::window() else {
        return Sandbox::None;
    };
    if !framed() {
        return Sandbox::None;
    }
    if let Ok(Some(el)) = w.frame_element() {
        return match el.get_attribute("sandbox") {
            Some(s) => Sandbox::Known(s),
            None => Sandbox::None,
        };
    }
    if let Some(told) = HOST_SANDBOX.with(|h| h.borrow().clone()) {
        return told.map_or(Sandbox::None, Sandbox::Known);
    }
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    if get(&w, "origin").and_then(|o| o.as_string()).as_deref() == Some("null") {
        return Sandbox::Unknown;
    }
    if get(&w, "originAgentCluster").and_then(|v| v.as_bool()) == Some(true) {
        if let Some(doc) = w.document() {
            let domain = get(&doc, "domain").unwrap_or(JsValue::UNDEFINED);
            if js_sys::Reflect::set(&doc, &"domain".into(), &domain).is_err() {
                return Sandbox::Unknown;
            }
        }
    }
    Sandbox::None
}

/// Whether a sandbox token list allows `flag`.
fn allows(tokens: &str, flag: &str) -> bool {
    tokens
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(flag))
}

/// The widget's message when the host blocks a download or printing; each
/// widget has its own (in context, see [`provide_guard`]).
#[derive(Clone, Copy)]
pub struct Guard {
    pub blocked: RwSignal<Option<Blocked>>,
}

/// Put a [`Guard`] in context for the widget being built.
pub fn provide_guard() -> Guard {
    let g = Guard {
        blocked: RwSignal::new(None),
    };
    provide_context(g);
    g
}

/// The widget's [`Guard`], when there is one (take it when the component
/// is built, not in an event handler).
pub fn guard() -> Option<Guard> {
    use_context::<Guard>()
}

/// Download `bytes` as `name` and, in a sandboxed iframe that forbids (or
/// may forbid) downloads, say so: a blocked download fails without a sign.
pub fn download(g: Option<Guard>, name: &str, mime: &str, bytes: &[u8]) {
    let _ = crate::browser::download(name, mime, bytes);
    after_download(g);
}

/// After a download started elsewhere (the PNG of a chart): the same check.
pub fn after_download(g: Option<Guard>) {
    let Some(g) = g else { return };
    match sandbox() {
        Sandbox::Known(t) if !allows(&t, "allow-downloads") => {
            g.blocked.set(Some(Blocked::Download))
        }
        Sandbox::Unknown => g.blocked.set(Some(Blocked::MaybeDownload)),
        _ => {}
    }
}

/// Print and, in a frame, check that the browser really began to print: a
/// sandbox without `allow-modals` makes `window.print()` return at once
/// without `beforeprint`. The check waits a second after `print()` returns
/// (Chrome returns when the dialog closes; a browser that announces printing
/// later still has time).
pub fn print(g: Option<Guard>) {
    let (Some(g), true) = (g, framed()) else {
        crate::browser::print();
        return;
    };
    let Some(w) = web_sys::window() else { return };
    let fired = std::rc::Rc::new(std::cell::Cell::new(false));
    let f = fired.clone();
    let on_before = Closure::<dyn FnMut()>::new(move || f.set(true));
    let _ = w.add_event_listener_with_callback("beforeprint", on_before.as_ref().unchecked_ref());
    crate::browser::print();
    let check = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "beforeprint",
                on_before.as_ref().unchecked_ref(),
            );
        }
        if !fired.get() {
            g.blocked.set(Some(Blocked::Print));
        }
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), 1000);
}

/// Send `thongbao:report` whenever the figures change: to the parent window
/// (iframe) and as a bubbling event on the host element (script embed).
pub fn report_changes(state: AppState, host: Option<web_sys::HtmlElement>) {
    Effect::new(move |_| {
        let source = state.with_dataset(|d| d.source_names());
        let c = state.figures.get();
        let id = state.profile.with(|p| p.id.clone());
        let json = state
            .spec
            .with(|spec| thongbao_core::report::report_summary(&c, spec, &id, &source).to_json());
        let Ok(detail) = js_sys::JSON::parse(&json) else {
            return;
        };
        if let Some(w) = web_sys::window() {
            if let Ok(Some(p)) = w.parent() {
                if p != w {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"thongbao:report".into());
                    let _ = js_sys::Reflect::set(&msg, &"detail".into(), &detail);
                    let _ = p.post_message(&msg, "*");
                }
            }
        }
        if let Some(h) = &host {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("thongbao:report", &init)
            {
                let _ = h.dispatch_event(&ev);
            }
        }
    });
}
