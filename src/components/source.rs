//! Where the figures come from: file name(s), what was detected (encoding,
//! delimiter, sheet, header line), where every row went, and controls to
//! read the file again with another encoding, delimiter or sheet.

use crate::components::when::When;
use crate::i18n::{t, tr, K};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::ingest::{Format, SourceReport};
use thongbao_core::text::Encoding;
use thongbao_core::Lang;

fn detected(s: &SourceReport, l: Lang) -> String {
    let vi = l == Lang::Vi;
    let mut parts = Vec::new();
    if let Some(e) = s.encoding {
        let label = if vi { e.label_vi() } else { e.label_en() };
        parts.push(if e.is_legacy() {
            if vi {
                format!("đã chuyển từ {label} sang Unicode")
            } else {
                format!("converted from {label} to Unicode")
            }
        } else {
            label.to_string()
        });
    } else if s.legacy_converted {
        parts.push(
            (if vi {
                "đã chuyển phông TCVN3/VNI sang Unicode"
            } else {
                "legacy TCVN3/VNI fonts converted to Unicode"
            })
            .to_string(),
        );
    }
    if let Format::Text { delimiter } = s.format {
        let d = if delimiter == '\t' {
            "tab".to_string()
        } else {
            format!("«{delimiter}»")
        };
        parts.push(if vi {
            format!("phân cách {d}")
        } else {
            format!("delimiter {d}")
        });
    }
    if let Some(sh) = s.sheet.and_then(|i| s.sheets.get(i)) {
        parts.push(if vi {
            format!("trang «{sh}»")
        } else {
            format!("sheet “{sh}”")
        });
    }
    parts.push(if vi {
        format!("tiêu đề ở dòng {}", s.header_line)
    } else {
        format!("header on line {}", s.header_line)
    });
    format!("{}: {}", s.file_name, parts.join(", "))
}

fn account(s: &SourceReport, l: Lang) -> String {
    let a = &s.account;
    match l {
        Lang::Vi => format!(
            "{} dòng: {} đơn vị, {} dòng tổng, {} dòng tiêu đề/trống/ghi chú, {} dòng lỗi bị loại",
            a.rows, a.units, a.totals, a.skipped, a.rejected
        ),
        Lang::En => format!(
            "{} rows: {} units, {} total rows, {} title/blank/note rows, {} rejected rows",
            a.rows, a.units, a.totals, a.skipped, a.rejected
        ),
    }
}

/// `source-name`, what was detected, and the re-read controls.
#[component]
pub fn SourceLine() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let name = move || {
        let names = state.with_dataset(|d| d.source_names());
        if state.is_sample() {
            format!("{}: {names}", t(lang.get(), K::Sample))
        } else {
            names
        }
    };
    let last = move || state.with_dataset(|d| d.sources.last().cloned());
    let is_text = move || last().is_some_and(|s| matches!(s.format, Format::Text { .. }));
    let sheets = move || last().map(|s| s.sheets).unwrap_or_default();
    let can_reread = move || {
        state
            .last_input
            .with(|l| l.as_ref().is_some_and(|l| l.files.len() == 1))
    };
    view! {
        <div class="tb-source">
            <p>
                <span class="tb-label">{tr(K::Source)} ": "</span>
                <strong data-testid="source-name">{name}</strong>
                <When when=move || !state.is_sample()>
                    " "
                    <button type="button" class="tb-secondary tb-small" data-testid="use-sample"
                        on:click=move |_| state.reset_to_sample()>
                        {tr(K::UseSample)}
                    </button>
                </When>
            </p>
            <ul class="tb-detected" data-testid="source-detected">
                {move || state.with_dataset(|d| d.sources.iter().map(|s| {
                    let l = lang.get();
                    view! { <li>{detected(s, l)} <br /> <span data-testid="line-account">{account(s, l)}</span></li> }
                }).collect_view())}
            </ul>
            <When when=can_reread>
                <div class="tb-reread">
                    <When when=is_text>
                        <label>
                            {tr(K::Encoding)} " "
                            <select data-testid="encoding-select" on:change=move |ev| {
                                let e = Encoding::from_id(&event_target_value(&ev));
                                state.reread(|o| o.encoding = e);
                            }>
                                <option value="" selected=move || state.last_input.with(|l| l.as_ref().is_some_and(|l| l.options.encoding.is_none()))>
                                    {tr(K::Auto)}
                                </option>
                                {Encoding::ALL.into_iter().map(|e| view! {
                                    <option value=e.id() selected=move || state.last_input.with(|l| l.as_ref().and_then(|l| l.options.encoding) == Some(e))>
                                        {move || if lang.get() == Lang::Vi { e.label_vi() } else { e.label_en() }}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label>
                            {tr(K::Delimiter)} " "
                            <select data-testid="delimiter-select" on:change=move |ev| {
                                let d = event_target_value(&ev).chars().next().map(|c| if c == 't' { '\t' } else { c });
                                state.reread(|o| o.delimiter = d);
                            }>
                                <option value="">{tr(K::Auto)}</option>
                                <option value=",">","</option>
                                <option value=";">";"</option>
                                <option value="t">"tab"</option>
                                <option value="|">"|"</option>
                            </select>
                        </label>
                    </When>
                    <When when=move || { sheets().len() > 1 }>
                        <label>
                            {tr(K::Sheet)} " "
                            <select data-testid="sheet-select" on:change=move |ev| {
                                let i = event_target_value(&ev).parse::<usize>().ok();
                                state.reread(|o| { o.sheet = i; o.mapping = None; });
                            }>
                                {move || {
                                    let cur = last().and_then(|s| s.sheet);
                                    sheets().into_iter().enumerate().map(|(i, n)| view! {
                                        <option value=i.to_string() selected=cur == Some(i)>{n}</option>
                                    }).collect_view()
                                }}
                            </select>
                        </label>
                    </When>
                </div>
            </When>
        </div>
    }
}
