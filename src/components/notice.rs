//! The letter (công văn) rendered from core's document model, laid out as
//! the A4 page of Decree 30/2020 (see style/letter.css).

use crate::i18n::tr;
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::letter::{Block, Letter};

fn recipients_view(l: &Letter) -> impl IntoView {
    if l.recipients.len() == 1 {
        view! { <p class="nd-kinhgui">"Kính gửi: " {l.recipients[0].clone()}</p> }.into_any()
    } else {
        view! {
            <div class="nd-kinhgui">
                <span class="nd-kinhgui-label">"Kính gửi:"</span>
                <div class="nd-kinhgui-list">
                    {l.recipients.iter().map(|r| view! { <p>{r.clone()}</p> }).collect_view()}
                </div>
            </div>
        }
        .into_any()
    }
}

fn page_view(l: Letter) -> impl IntoView {
    let body = l
        .body
        .iter()
        .map(|b| match b {
            Block::Heading(t) => view! { <p class="nd-heading">{t.clone()}</p> }.into_any(),
            Block::Para(t) => view! { <p class="nd-para">{t.clone()}</p> }.into_any(),
        })
        .collect_view();
    let a = l.appendix.clone();
    view! {
        <article class="nd-page" aria-label="Công văn">
            <table class="nd-header" role="presentation">
                <tr>
                    <td class="nd-left">
                        {l.issuer.iter().enumerate().map(|(i, s)| {
                            let cls = if i + 1 == l.issuer.len() { "nd-issuer nd-bold" } else { "nd-issuer" };
                            view! { <p class=cls>{s.clone()}</p> }
                        }).collect_view()}
                        <hr class="nd-rule-issuer" />
                    </td>
                    <td class="nd-right">
                        <p class="nd-national">{l.national_title.clone()}</p>
                        <p class="nd-motto">{l.motto.clone()}</p>
                        <hr class="nd-rule-motto" />
                    </td>
                </tr>
                <tr>
                    <td class="nd-left">
                        <p class="nd-number">{l.number_line.clone()}</p>
                        <p class="nd-subject">{l.subject.clone()}</p>
                    </td>
                    <td class="nd-right">
                        <p class="nd-place-date">{l.place_date.clone()}</p>
                    </td>
                </tr>
            </table>
            {recipients_view(&l)}
            <div class="nd-body">{body}</div>
            <table class="nd-signature" role="presentation">
                <tr>
                    <td class="nd-noinhan">
                        <p class="nd-noinhan-label">"Nơi nhận:"</p>
                        {l.noi_nhan.iter().map(|r| view! { <p>{r.clone()}</p> }).collect_view()}
                    </td>
                    <td class="nd-signer">
                        <p class="nd-bold">{l.authority.clone()}</p>
                        <p class="nd-bold">{l.title.clone()}</p>
                        <div class="nd-sign-space"></div>
                        <p class="nd-bold nd-signer-name">{l.signer.clone()}</p>
                    </td>
                </tr>
            </table>
        </article>
        <article class="nd-page nd-appendix" aria-label="Phụ lục">
            <p class="nd-appendix-heading">{a.heading.clone()}</p>
            <p class="nd-appendix-title">{a.title.clone()}</p>
            <p class="nd-appendix-note">{a.note.clone()}</p>
            <hr class="nd-rule-short" />
            <table class="nd-table">
                <thead>
                    <tr>{a.columns.iter().map(|c| view! { <th>{c.clone()}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {a.rows.iter().map(|r| view! {
                        <tr>{r.iter().zip(&a.numeric).map(|(c, num)| view! { <td class:nd-num=*num>{c.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                    <tr class="nd-total">
                        {a.total.iter().zip(&a.numeric).map(|(c, num)| view! { <td class:nd-num=*num>{c.clone()}</td> }).collect_view()}
                    </tr>
                </tbody>
            </table>
        </article>
    }
}

/// `notice`: the letter as it will print, with its toolbar.
#[component]
pub fn Notice() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="tb-notice-tools no-print" role="toolbar" aria-label=tr("notice-tools")>
            <button type="button" data-testid="print" on:click=move |_| crate::browser::print()>
                {tr("print")}
            </button>
            <button type="button" data-testid="download-docx" on:click=move |_| {
                let l = state.letter.get_untracked();
                let bytes = thongbao_core::export::docx::write(&l);
                let _ = crate::browser::download(&format!("{}.docx", l.file_stem), thongbao_core::export::docx::MIME, &bytes);
            }>
                {tr("download-docx")}
            </button>
        </div>
        <section class="tb-notice" data-testid="notice" aria-label=tr("notice-title")>
            {move || page_view(state.letter.get())}
        </section>
    }
}
