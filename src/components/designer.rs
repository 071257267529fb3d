//! The report designer: an office makes its own report without code.
//!
//! It edits the active profile's definition in place — indicators (a
//! file's columns, found by header words), ratios, classes, the sentences
//! of section 1 — so the letter below is the live preview. It starts from
//! the file's columns or from any report in the list; "keep" puts it in
//! the list (kept in the browser) and reads the file again with it; the
//! profile's JSON is saved and opened with the letter form's `ProfileIo`. A definition with
//! faults is shown with them (`designer-problems`) and still previews.

use crate::i18n::{t, tr, K};
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use thongbao_core::ingest::IngestError;
use thongbao_core::letter::Profile;
use thongbao_core::spec::{ClassDef, Formula, IndicatorDef, MeasureDef, ReportSpec, Rule};

/// Change the active definition (a report without one gets an empty one).
fn edit(state: AppState, f: impl FnOnce(&mut ReportSpec)) {
    state
        .profile
        .update(|p| f(p.report.get_or_insert_with(ReportSpec::default)));
}

/// "a; b" → ["a", "b"].
fn words(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The figure columns of the last input: the header it could not map, or
/// the columns of the file read.
fn file_columns(state: AppState) -> Vec<String> {
    if let Some(IngestError::NeedsMapping { headers, roles, .. }) = state.error.get_untracked() {
        return headers
            .iter()
            .zip(roles.iter().chain(std::iter::repeat(&None)))
            .filter(|(_, r)| r.is_none())
            .map(|(h, _)| h.clone())
            .collect();
    }
    state.dataset_untracked(|d| {
        let Some(src) = d.sources.last() else {
            return Vec::new();
        };
        src.columns
            .iter()
            .filter(|c| {
                use thongbao_core::source::Role;
                !matches!(
                    c.role,
                    Some(Role::Unit | Role::District | Role::Date | Role::Serial)
                )
            })
            .map(|c| c.header.clone())
            .collect()
    })
}

/// A text input that commits on change.
#[component]
fn Field(
    /// Shown above the input.
    label: K,
    /// `data-testid` of the input.
    testid: String,
    /// The current text.
    value: String,
    /// Called with the new text.
    on_set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="tb-field">
            <span>{tr(label)}</span>
            <input type="text" data-testid=testid prop:value=value
                on:change=move |ev| on_set(event_target_value(&ev)) />
        </label>
    }
}

/// A `<select>` of the report's figure ids.
#[component]
fn FigureSelect(
    /// Shown above it.
    label: K,
    /// `data-testid` of the select.
    testid: String,
    /// The chosen id.
    value: String,
    /// The ids to choose from.
    ids: Vec<String>,
    /// Called with the chosen id.
    on_set: impl Fn(String) + 'static,
) -> impl IntoView {
    let options = ids
        .into_iter()
        .map(|id| {
            let sel = id == value;
            view! { <option value=id.clone() selected=sel>{id.clone()}</option> }
        })
        .collect_view();
    view! {
        <label class="tb-field">
            <span>{tr(label)}</span>
            <select data-testid=testid on:change=move |ev| on_set(event_target_value(&ev))>{options}</select>
        </label>
    }
}

/// The figure ids of the definition (indicators, then measures).
fn figure_ids(r: &ReportSpec) -> Vec<String> {
    r.indicators
        .iter()
        .map(|i| i.id.clone())
        .chain(r.measures.iter().map(|m| m.id.clone()))
        .collect()
}

/// What a list of rows is rebuilt on: the report, and the ids of its rows
/// (and of the figures its selects offer). Not every edit: a field left
/// with Tab keeps the next one focused.
fn rows_key(state: AppState, ids: fn(&ReportSpec) -> Vec<String>) -> Memo<(String, Vec<String>)> {
    Memo::new(move |_| {
        state
            .profile
            .with(|p| (p.id.clone(), p.report.as_ref().map(ids).unwrap_or_default()))
    })
}

/// Part of the definition, read without tracking (see [`rows_key`]; the
/// rows read the key with `with`: `Memo::track` alone does not bring a
/// stale memo up to date, so the rows would never be rebuilt).
fn spec_untracked<T: Default>(state: AppState, f: impl FnOnce(&ReportSpec) -> T) -> T {
    state
        .profile
        .with_untracked(|p| p.report.as_ref().map(f).unwrap_or_default())
}

/// One row per indicator.
#[component]
fn IndicatorRows() -> impl IntoView {
    let state = use_state();
    let key = rows_key(state, |r| {
        r.indicators.iter().map(|i| i.id.clone()).collect()
    });
    let rows = move || {
        key.with(|_| ());
        let inds = spec_untracked(state, |r| r.indicators.clone());
        inds.into_iter()
            .enumerate()
            .map(|(n, i)| {
                let set = move |f: fn(&mut IndicatorDef, String)| {
                    move |v: String| edit(state, |r| if let Some(x) = r.indicators.get_mut(n) { f(x, v) })
                };
                view! {
                    <div class="tb-designer-row" data-testid="designer-indicator">
                        <Field label=K::Id testid=format!("indicator-id-{n}") value=i.id.clone() on_set=set(|x, v| x.id = v) />
                        <Field label=K::Name testid=format!("indicator-name-{n}") value=i.name.clone() on_set=set(|x, v| x.name = v) />
                        <Field label=K::HeaderWords testid=format!("indicator-headers-{n}") value=i.headers.join("; ")
                            on_set=set(|x, v| x.headers = words(&v)) />
                        <button type="button" class="tb-secondary tb-small" on:click=move |_| edit(state, |r| { r.indicators.remove(n); })>
                            {tr(K::Remove)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        edit(state, |r| {
            let n = r.indicators.len() + 1;
            let spec = ReportSpec::from_columns(&[format!("Chỉ tiêu {n}")]);
            r.indicators.extend(spec.indicators);
        })
    };
    view! {
        <h3>{tr(K::Indicators)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-indicator" on:click=add>{tr(K::AddIndicator)}</button>
    }
}

/// One row per ratio.
#[component]
fn MeasureRows() -> impl IntoView {
    let state = use_state();
    let key = rows_key(state, |r| {
        r.measures
            .iter()
            .map(|m| m.id.clone())
            .chain(figure_ids(r))
            .collect()
    });
    let rows = move || {
        key.with(|_| ());
        let (ms, ids) = spec_untracked(state, |r| (r.measures.clone(), figure_ids(r)));
        ms.into_iter()
            .enumerate()
            .map(|(n, m)| {
                let (num, den) = match &m.formula {
                    Formula::Ratio { num, den } => (num.clone(), den.clone()),
                    _ => (String::new(), String::new()),
                };
                let set = move |f: fn(&mut MeasureDef, String)| {
                    move |v: String| edit(state, |r| if let Some(x) = r.measures.get_mut(n) { f(x, v) })
                };
                let ratio = matches!(m.formula, Formula::Ratio { .. });
                let ids = ids.clone();
                view! {
                    <div class="tb-designer-row" data-testid="designer-measure">
                        <Field label=K::Id testid=format!("measure-id-{n}") value=m.id.clone() on_set=set(|x, v| x.id = v) />
                        <Field label=K::Name testid=format!("measure-name-{n}") value=m.name.clone() on_set=set(|x, v| x.name = v) />
                        {ratio.then(|| view! {
                            <FigureSelect label=K::Numerator testid=format!("measure-num-{n}") value=num ids=ids.clone()
                                on_set=set(|x, v| if let Formula::Ratio { num, .. } = &mut x.formula { *num = v }) />
                            <FigureSelect label=K::Denominator testid=format!("measure-den-{n}") value=den ids=ids
                                on_set=set(|x, v| if let Formula::Ratio { den, .. } = &mut x.formula { *den = v }) />
                        })}
                        <button type="button" class="tb-secondary tb-small" on:click=move |_| edit(state, |r| { r.measures.remove(n); })>
                            {tr(K::Remove)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        edit(state, |r| {
            let first = r
                .indicators
                .first()
                .map(|i| i.id.clone())
                .unwrap_or_default();
            let second = r
                .indicators
                .get(1)
                .map(|i| i.id.clone())
                .unwrap_or_else(|| first.clone());
            let id = format!("ty_le_{}", r.measures.len() + 1);
            r.kpis.push(id.clone());
            r.appendix.push(id.clone());
            r.measures.push(MeasureDef {
                name: format!("Tỷ lệ {} (%)", r.measures.len() + 1),
                id,
                name_en: String::new(),
                formula: Formula::Ratio {
                    num: first,
                    den: second,
                },
                decimals: 1,
                unit: String::new(),
            });
        })
    };
    view! {
        <h3>{tr(K::Measures)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-measure" on:click=add>{tr(K::AddMeasure)}</button>
    }
}

/// A rule's kind as the select names it, and its value (a band's lower
/// bound, a share of the mean).
fn rule_parts(r: &Rule) -> (&'static str, String) {
    match r {
        Rule::AtLeast { value } => ("at_least", value.to_string()),
        Rule::Below { value } => ("below", value.to_string()),
        Rule::Zero => ("zero", String::new()),
        Rule::Missing => ("missing", String::new()),
        Rule::Between { min, .. } => ("between", min.to_string()),
        Rule::AboveMean { percent } => ("above_mean", percent.to_string()),
        Rule::BelowMean { percent } => ("below_mean", percent.to_string()),
    }
}

/// A rule of another kind, from the value shown.
fn rule_of(kind: &str, value: f64) -> Rule {
    match kind {
        "below" => Rule::Below { value },
        "zero" => Rule::Zero,
        "missing" => Rule::Missing,
        "between" => Rule::Between {
            min: value,
            max: None,
        },
        "above_mean" => Rule::AboveMean { percent: value },
        "below_mean" => Rule::BelowMean { percent: value },
        _ => Rule::AtLeast { value },
    }
}

/// The same rule with a new value (a band keeps its upper bound).
fn with_value(r: &Rule, value: f64) -> Rule {
    match r {
        Rule::Between { max, .. } => Rule::Between {
            min: value,
            max: *max,
        },
        Rule::Zero | Rule::Missing => r.clone(),
        other => rule_of(rule_parts(other).0, value),
    }
}

/// One row per class.
#[component]
fn ClassRows() -> impl IntoView {
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
                let (kind, value) = rule_parts(&c.rule);
                let kinds = [
                    ("at_least", K::RuleAtLeast),
                    ("below", K::RuleBelow),
                    ("between", K::RuleBetween),
                    ("above_mean", K::RuleAboveMean),
                    ("below_mean", K::RuleBelowMean),
                    ("zero", K::RuleZero),
                    ("missing", K::RuleMissing),
                ]
                    .map(|(k, label)| view! { <option value=k selected=k == kind>{t(lang.get_untracked(), label)}</option> });
                let set_kind = move |v: String| edit(state, |r| if let Some(x) = r.classes.get_mut(n) {
                    let value = rule_parts(&x.rule).1.parse().unwrap_or(0.0);
                    x.rule = rule_of(&v, value);
                });
                let set_value = move |v: String| edit(state, |r| if let Some(x) = r.classes.get_mut(n) {
                    if let Ok(value) = v.replace(',', ".").trim().parse::<f64>() {
                        x.rule = with_value(&x.rule, value);
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
            });
        })
    };
    view! {
        <h3>{tr(K::Classes)}</h3>
        {rows}
        <button type="button" class="tb-secondary tb-small" data-testid="designer-add-class" on:click=add>{tr(K::AddClass)}</button>
    }
}

/// The name, the sentences, the faults and the keep button.
#[component]
fn Texts() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let problems = move || {
        state.profile.with(|p| {
            p.report
                .as_ref()
                .map(|r| {
                    r.problems()
                        .iter()
                        .map(|x| x.message(lang.get()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let keep = move |_| {
        let p: Profile = state.current_profile();
        state.keep_own_profile(p);
        state.reread_with_reports();
    };
    view! {
        <label class="tb-field tb-wide">
            <span>{tr(K::Sentences)}</span>
            <textarea rows="6" data-testid="designer-sentences" prop:value=move || state.profile.with(|p| p.section1.clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.profile.update(|p| p.section1 = v);
                    state.fields.update(|f| f.section1 = None);
                }></textarea>
        </label>
        <Show when=move || !problems().is_empty()>
            <div class="tb-warning" role="status" data-testid="designer-problems">
                <strong>{tr(K::Problems)}</strong>
                <ul>{move || problems().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        </Show>
        <div class="tb-table-tools">
            <button type="button" data-testid="designer-keep" on:click=keep
                prop:disabled=move || !problems().is_empty()>{tr(K::KeepReport)}</button>
        </div>
    }
}

/// `designer`: the whole panel.
#[component]
pub fn Designer() -> impl IntoView {
    let state = use_state();
    let from_columns = move |_| {
        let cols = file_columns(state);
        let spec = ReportSpec::from_columns(&cols);
        let base = state.current_profile();
        let name = t(state.lang.get_untracked(), K::NewReport).to_string();
        let mut p = Profile::designed(&base, &name, spec);
        // A second new report does not replace the first.
        let taken = |id: &str| {
            state
                .profiles
                .with_untracked(|ps| ps.iter().any(|q| q.id == id))
        };
        let stem = p.id.clone();
        let mut n = 2;
        while taken(&p.id) {
            p.id = format!("{stem}-{n}");
            p.name = format!("{name} {n}");
            n += 1;
        }
        state.use_profile(p.clone());
        state.keep_own_profile(p);
        state.reread_with_reports();
    };
    let generic = move || state.profile.with(|p| p.report.is_some());
    view! {
        <details class="tb-designer no-print" data-testid="designer">
            <summary>{tr(K::Designer)}</summary>
            <p class="tb-hint">{tr(K::DesignerHelp)}</p>
            <button type="button" class="tb-secondary" data-testid="designer-from-columns" on:click=from_columns>
                {tr(K::FromColumns)}
            </button>
            <Show when=generic>
                <label class="tb-field">
                    <span>{tr(K::ReportName)}</span>
                    <input type="text" data-testid="designer-name" prop:value=move || state.profile.with(|p| p.name.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.profile.update(|p| p.name = v);
                        } />
                </label>
                <IndicatorRows />
                <MeasureRows />
                <ClassRows />
            </Show>
            <Texts />
        </details>
    }
}
