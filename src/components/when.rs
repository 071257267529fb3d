//! `When`: Leptos' `Show` with its views type-erased. `Show` is generic
//! over its children's and fallback's view types, so each of the page's
//! 37 uses compiled its own copy of the memo, the children wrapper and the
//! two-branch view (≈ 8 KB brotli, ARCHITECTURE.md "Size"); here the
//! condition is a boxed closure, the children an `AnyView`, and one copy
//! serves them all. Same behaviour: the condition is memoised, so the
//! children are rebuilt only when it flips, not when what it reads changes.

use leptos::prelude::*;
use std::sync::Arc;

/// The children while `when` is true, else the fallback (nothing by
/// default).
#[component]
pub fn When(
    /// The condition; read reactively.
    when: impl Fn() -> bool + Send + Sync + 'static,
    /// Shown while the condition is false.
    #[prop(optional, into)]
    fallback: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    when_erased(Arc::new(when), fallback, children)
}

fn when_erased(
    when: Arc<dyn Fn() -> bool + Send + Sync>,
    fallback: ViewFn,
    children: ChildrenFn,
) -> AnyView {
    let on = Memo::new(move |_| when());
    (move || {
        if on.get() {
            children().into_any()
        } else {
            fallback.run()
        }
    })
    .into_any()
}
