//! The form beside the letter: every field of the letter is editable, and
//! every edit is saved in the browser (see `state`).

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::date::Date;
use thongbao_core::letter::{LetterFields, Missing};

type Getter = fn(&LetterFields) -> String;
type Setter = fn(&mut LetterFields, String);

/// One labelled text field (or text area) bound to a letter field.
#[component]
fn Field(
    /// i18n key of the label.
    label: K,
    /// `data-testid` and `id` suffix.
    id: &'static str,
    get: Getter,
    set: Setter,
    /// Rows of a text area; a one-line input when 0.
    #[prop(default = 0)]
    rows: u32,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let value = move || state.fields.with(get);
    let html_id = format!("f-{id}");
    let testid = format!("field-{id}");
    let input = if rows == 0 {
        view! {
            <input id=html_id.clone() type="text" data-testid=testid prop:value=value
                on:input=move |ev| { let v = event_target_value(&ev); state.fields.update(|f| set(f, v)); } />
        }
        .into_any()
    } else {
        view! {
            <textarea id=html_id.clone() rows=rows data-testid=testid prop:value=value
                on:input=move |ev| { let v = event_target_value(&ev); state.fields.update(|f| set(f, v)); }></textarea>
        }
        .into_any()
    };
    view! {
        <div class="tb-field">
            <label for=html_id>{move || t(lang.get(), label)}</label>
            {input}
        </div>
    }
}

/// A date field (yyyy-mm-dd in the input, a [`Date`] in the model).
#[component]
fn DateField(
    label: K,
    id: &'static str,
    get: fn(&LetterFields) -> Option<Date>,
    set: fn(&mut LetterFields, Option<Date>),
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let html_id = format!("f-{id}");
    view! {
        <div class="tb-field">
            <label for=html_id.clone()>{move || t(lang.get(), label)}</label>
            <input id=html_id type="date" data-testid=format!("field-{id}")
                prop:value=move || state.fields.with(get).map(|d| d.iso()).unwrap_or_default()
                on:change=move |ev| {
                    let v = Date::parse(&event_target_value(&ev));
                    state.fields.update(|f| set(f, v));
                } />
        </div>
    }
}

/// The letter's fields.
#[component]
pub fn LetterForm() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let section1 = move || {
        state.fields.with(|f| {
            f.section1
                .clone()
                .unwrap_or_else(|| state.generated_section1(f))
        })
    };
    let ids = move || {
        state
            .spec
            .with(|s| thongbao_core::letter::report::placeholders(s))
    };
    view! {
        <form class="tb-letter-form no-print" on:submit=|ev| ev.prevent_default() aria-labelledby="letter-form-title">
            <h2 id="letter-form-title">{tr(K::LetterFields)}</h2>
            <crate::components::profile_io::ProfileIo />
            <fieldset>
                <legend>{tr(K::FsHeader)}</legend>
                <Field label=K::FIssuer id="issuer" rows=2 get=|f| f.issuer.clone() set=|f, v| f.issuer = v />
                <Field label=K::FIssuerShort id="issuer-short" get=|f| f.issuer_short.clone() set=|f, v| f.issuer_short = v />
                <Field label=K::FIssuerFull id="issuer-full" get=|f| f.issuer_full.clone() set=|f, v| f.issuer_full = v />
                <div class="tb-row">
                    <Field label=K::FNumber id="doc-number" get=|f| f.number.clone() set=|f, v| f.number = v />
                    <Field label=K::FSymbol id="doc-symbol" get=|f| f.symbol.clone() set=|f, v| f.symbol = v />
                </div>
                <div class="tb-row">
                    <Field label=K::FPlace id="place" get=|f| f.place.clone() set=|f, v| f.place = v />
                    <DateField label=K::FIssueDate id="issue-date" get=|f| f.issue_date set=|f, v| f.issue_date = v />
                </div>
                <div class="tb-row">
                    <Field label=K::FArea id="area" get=|f| f.area.clone() set=|f, v| f.area = v />
                    <Field label=K::FAreaWord id="area-word" get=|f| f.area_word.clone() set=|f, v| f.area_word = v />
                </div>
                <DateField label=K::FDataDate id="data-date" get=|f| f.data_date set=|f, v| f.data_date = v />
                // The letter names the data date: without one it writes
                // "…/…/…" and says so here, at the field that fills it.
                <When when=move || state.letter.with(|l| l.missing.contains(&Missing::DataDate))>
                    <p class="tb-warnings" role="status" data-testid="needs-data-date">
                        <span aria-hidden="true">"⚠ "</span>{tr(K::NeedsDataDate)}
                    </p>
                </When>
                <label class="tb-field">
                    <span>{tr(K::FDocType)}</span>
                    <select data-testid="field-doc-type"
                        prop:value=move || state.fields.with(|f| f.doc_type.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.fields.update(|f| f.doc_type = v);
                        }>
                        <option value="">{tr(K::DocCongVan)}</option>
                        <option value="BÁO CÁO">{tr(K::DocBaoCao)}</option>
                        <option value="THÔNG BÁO">{tr(K::DocThongBao)}</option>
                    </select>
                </label>
                <Field label=K::FSubject id="subject" rows=2 get=|f| f.subject.clone() set=|f, v| f.subject = v />
            </fieldset>
            <fieldset>
                <legend>{tr(K::FsBody)}</legend>
                <Field label=K::FRecipients id="recipients" rows=3 get=|f| f.recipients.clone() set=|f, v| f.recipients = v />
                <Field label=K::FReference id="reference" rows=3 get=|f| f.reference.clone() set=|f, v| f.reference = v />
                <div class="tb-field">
                    <label for="f-section1">{tr(K::FSection1)}</label>
                    <textarea id="f-section1" rows=8 data-testid="field-section1" prop:value=section1
                        on:input=move |ev| { let v = event_target_value(&ev); state.fields.update(|f| f.section1 = Some(v)); }></textarea>
                    <div class="tb-field-actions">
                        <span class="tb-hint">
                            {move || if state.fields.with(|f| f.section1.is_some()) { t(lang.get(), K::Section1Edited) } else { t(lang.get(), K::Section1Generated) }}
                        </span>
                        <button type="button" class="tb-secondary" data-testid="reset-section1"
                            disabled=move || state.fields.with(|f| f.section1.is_none())
                            on:click=move |_| state.fields.update(|f| f.section1 = None)>
                            {tr(K::ResetSection1)}
                        </button>
                    </div>
                </div>
                <Field label=K::FSection2 id="section2" rows=5 get=|f| f.section2.clone() set=|f, v| f.section2 = v />
                <Field label=K::FSection3 id="section3" rows=8 get=|f| f.section3.clone() set=|f, v| f.section3 = v />
            </fieldset>
            <fieldset>
                <legend>{tr(K::FsSignature)}</legend>
                <div class="tb-row">
                    <Field label=K::FAuthority id="authority" get=|f| f.authority.clone() set=|f, v| f.authority = v />
                    <Field label=K::FTitle id="title" get=|f| f.title.clone() set=|f, v| f.title = v />
                </div>
                <Field label=K::FSigner id="signer" get=|f| f.signer.clone() set=|f, v| f.signer = v />
                <Field label=K::FNoiNhan id="noi-nhan" rows=4 get=|f| f.noi_nhan.clone() set=|f, v| f.noi_nhan = v />
                <Field label=K::FAppendixTitle id="appendix-title" rows=2 get=|f| f.appendix_title.clone() set=|f, v| f.appendix_title = v />
            </fieldset>
            <p class="tb-hint">{tr(K::PlaceholdersHint)} {ids}</p>
            // Other gaps the letter left blank (previous date, figures).
            <ul class="tb-warnings" data-testid="letter-missing" aria-live="polite">
                {move || state.letter.with(|l| l.missing.iter().filter(|m| **m != Missing::DataDate).map(|m| {
                    let msg = m.message(lang.get());
                    view! { <li data-testid="letter-missing-item"><span aria-hidden="true">"⚠ "</span>{msg}</li> }
                }).collect_view())}
            </ul>
        </form>
    }
}
