//! Where the figures come from: file name(s), encoding, delimiter, sheet.

use crate::i18n::t;
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::ingest::Format;
use thongbao_core::Lang;

/// `source-name` and what was detected.
#[component]
pub fn SourceLine() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let name = move || {
        let names = state.dataset.with(|d| d.source_names());
        if state.is_sample.get() {
            format!("{}: {names}", t(lang.get(), "sample"))
        } else {
            names
        }
    };
    let detected = move || {
        state.dataset.with(|d| {
            d.sources
                .iter()
                .map(|s| {
                    let l = lang.get();
                    let mut parts = Vec::new();
                    if let Some(e) = s.encoding {
                        parts.push(
                            if l == Lang::Vi {
                                e.label_vi()
                            } else {
                                e.label_en()
                            }
                            .to_string(),
                        );
                    }
                    if let Format::Text { delimiter } = s.format {
                        let d = match delimiter {
                            '\t' => "tab".to_string(),
                            c => format!("«{c}»"),
                        };
                        parts.push(match l {
                            Lang::Vi => format!("phân cách {d}"),
                            Lang::En => format!("delimiter {d}"),
                        });
                    }
                    if let Some(sh) = s.sheet.and_then(|i| s.sheets.get(i)) {
                        parts.push(match l {
                            Lang::Vi => format!("trang «{sh}»"),
                            Lang::En => format!("sheet “{sh}”"),
                        });
                    }
                    parts.push(match l {
                        Lang::Vi => format!("tiêu đề ở dòng {}", s.header_line),
                        Lang::En => format!("header on line {}", s.header_line),
                    });
                    format!("{}: {}", s.file_name, parts.join(", "))
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <p class="tb-source">
            <span class="tb-label">{move || t(lang.get(), "source")} ": "</span>
            <strong data-testid="source-name">{name}</strong>
            <br />
            <small class="tb-detected" data-testid="source-detected">{detected}</small>
        </p>
    }
}
