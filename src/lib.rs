//! thongbao, the browser app: Leptos components over `thongbao-core`.
//!
//! Components read the shared [`state::AppState`] from context and call core
//! functions from memos; they hold no logic of their own beyond wiring.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod state;

pub use app::App;

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    browser::install_panic_hook();
    leptos::mount::mount_to_body(App);
}
