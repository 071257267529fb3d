//! Embedding: the options a page gives (`?embed=1&view=…&src=…&lang=…` or
//! the script's `data-*`), and the events an embedder receives:
//! `thongbao:height` and `thongbao:report` as `postMessage` from an iframe,
//! and `thongbao:report` as a bubbling DOM `CustomEvent` on the host element
//! of a script embed.

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
}

/// Send `thongbao:report` whenever the figures change: to the parent window
/// (iframe) and as a bubbling event on the host element (script embed).
pub fn report_changes(state: AppState, host: Option<web_sys::HtmlElement>) {
    Effect::new(move |_| {
        let source = state.with_dataset(|d| d.source_names());
        let json = state
            .summary
            .with(|s| thongbao_core::report::summary(s, &source).to_json());
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
