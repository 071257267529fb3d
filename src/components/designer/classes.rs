//! The classes: a rule on one figure (at least, below, a band, relative
//! to the mean, zero, not reported) with its threshold as a clerk types it.

use super::fields::{edit, figure_ids, rows_key, spec_untracked, Field, FigureSelect};
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::spec::{read_typed_number, typed_number, ClassDef, Rule, RULE_KINDS};

/// The select's label of a rule kind.
fn rule_label(kind: &str) -> K {
    match kind {
        "below" => K::RuleBelow,
        "between" => K::RuleBetween,
        "above_mean" => K::RuleAboveMean,
        "below_mean" => K::RuleBelowMean,
        "below_total" => K::RuleBelowTotal,
        "zero" => K::RuleZero,
        "missing" => K::RuleMissing,
        _ => K::RuleAtLeast,
    }
}

/// One row per class.
#[component]
pub(super) fn ClassRows() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let key = rows_key(state, |r| {
        r.classes
            .iter()
            .map(|c| c.id.clone())
            .chain(figure_ids(r))
            .collect()
    });
    let rows = move || {
        key.with(|_| ());
        lang.track();
        let (cs, ids) = spec_untracked(state, |r| (r.classes.clone(), figure_ids(r)));
        cs.into_iter()
            .enumerate()
            .map(|(n, c)| {
                let set = move |f: fn(&mut ClassDef, String)| {
                    move |v: String| edit(state, |r| if let Some(x) = r.classes.get_mut(n) { f(x, v) })
                };
                let kind = c.rule.kind();
                let value = c.rule.value().map(typed_number).unwrap_or_default();
                let kinds = RULE_KINDS
                    .map(|k| view! { <option value=k selected=k == kind>{t(lang.get_untracked(), rule_label(k))}</option> });
                let set_kind = move |v: String| edit(state, |r| if let Some(x) = r.classes.get_mut(n) {
                    x.rule = Rule::of_kind(&v, x.rule.value().unwrap_or(0.0));
                });
                let set_value = move |v: String| edit(state, |r| if let Some(x) = r.classes.get_mut(n) {
                    if let Some(value) = read_typed_number(&v) {
                        x.rule = x.rule.with_value(value);
                    }
                });
                view! {
                    <div class="tb-designer-row" data-testid="designer-class">
                        <Field label=K::Id testid=format!("class-id-{n}") value=c.id.clone() on_set=set(|x, v| x.id = v) />
                        <Field label=K::Name testid=format!("class-name-{n}") value=c.name.clone() on_set=set(|x, v| x.name = v) />
                        <FigureSelect label=K::Of testid=format!("class-of-{n}") value=c.of.clone() ids=ids.clone() on_set=set(|x, v| x.of = v) />
                        <label class="tb-field">
                            <span>{tr(K::RuleKind)}</span>
                            <select data-testid=format!("class-rule-{n}") on:change=move |ev| set_kind(event_target_value(&ev))>{kinds}</select>
                        </label>
                        <Field label=K::Value testid=format!("class-value-{n}") value=value on_set=set_value />
                        <button type="button" class="tb-secondary tb-small" on:click=move |_| edit(state, |r| { r.classes.remove(n); })>
                            {tr(K::Remove)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        edit(state, |r| {
            let of = r
                .measures
                .first()
                .map(|m| m.id.clone())
                .or_else(|| r.indicators.first().map(|i| i.id.clone()))
                .unwrap_or_default();
            r.classes.push(ClassDef {
                id: format!("nhom_{}", r.classes.len() + 1),
                name: format!("nhóm {}", r.classes.len() + 1),
                name_en: String::new(),
                of,
                rule: Rule::Below { value: 50.0 },
                order: None,
            });
        })
    };
    view! {
        <h3>{tr(K::Classes)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-class" on:click=add>{tr(K::AddClass)}</button>
    }
}
