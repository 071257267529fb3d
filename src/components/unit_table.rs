//! The table of units: sortable by any column (click or keyboard), filter by
//! name, a totals row, district groups that fold, and only the visible rows
//! rendered when there are thousands.

use crate::i18n::{t, tr};
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::export::table;
use thongbao_core::format;
use thongbao_core::model::Indicator;
use thongbao_core::stats::{order, DistrictStats, SortKey, Summary, UnitStats};
use thongbao_core::Lang;

/// Height of one row in px (fixed in CSS so the visible window can be
/// computed from the scroll position).
const ROW_PX: f64 = 30.0;
/// Rows rendered beyond the visible window on each side.
const OVERSCAN: usize = 20;
/// Below this many rows everything is rendered.
const VIRTUAL_FROM: usize = 300;

#[derive(Clone, Copy, PartialEq)]
enum Row {
    Group(usize),
    Unit(usize),
}

#[derive(Clone, Copy, PartialEq)]
struct Col {
    key: SortKey,
    numeric: bool,
}

fn columns(s: &Summary) -> Vec<Col> {
    let mut cols = vec![Col {
        key: SortKey::File,
        numeric: true,
    }];
    if s.district_count.is_some() {
        cols.push(Col {
            key: SortKey::District,
            numeric: false,
        });
    }
    cols.push(Col {
        key: SortKey::Name,
        numeric: false,
    });
    for i in Indicator::ALL {
        if s.units.iter().any(|u| u.get(i).is_some()) {
            cols.push(Col {
                key: SortKey::Value(i),
                numeric: true,
            });
        }
    }
    if s.units.iter().any(|u| u.rate.is_some()) {
        cols.push(Col {
            key: SortKey::Rate,
            numeric: true,
        });
    }
    if s.units.iter().any(|u| u.scans_per_location.is_some()) {
        cols.push(Col {
            key: SortKey::ScansPerLocation,
            numeric: true,
        });
    }
    if s.units.iter().any(|u| u.rank.is_some()) {
        cols.push(Col {
            key: SortKey::Share,
            numeric: true,
        });
        cols.push(Col {
            key: SortKey::Rank,
            numeric: true,
        });
    }
    if s.has_previous() {
        for i in [Indicator::Locations, Indicator::Scans, Indicator::Installs] {
            if s.units.iter().any(|u| u.delta.get(i).is_some()) {
                cols.push(Col {
                    key: SortKey::Delta(i),
                    numeric: true,
                });
            }
        }
    }
    cols
}

fn header(key: SortKey, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match key {
        SortKey::File => t(lang, "stt").into(),
        SortKey::District => t(lang, "district").into(),
        SortKey::Name => t(lang, "unit").into(),
        SortKey::Value(i) => i.label(lang).into(),
        SortKey::Rate => t(lang, "rate").into(),
        SortKey::ScansPerLocation => (if vi {
            "Lượt quét / địa điểm"
        } else {
            "Scans per location"
        })
        .into(),
        SortKey::Share => (if vi {
            "Tỷ trọng lượt quét"
        } else {
            "Share of scans"
        })
        .into(),
        SortKey::Rank => (if vi { "Xếp hạng" } else { "Rank" }).into(),
        SortKey::Delta(i) => format!(
            "{} {}",
            if vi { "Tăng/giảm" } else { "Change in" },
            i.label(lang).to_lowercase()
        ),
    }
}

fn cell(u: &UnitStats, pos: usize, key: SortKey, s: &Summary) -> String {
    let pct = |v: Option<i64>| {
        v.map(|v| format!("{}%", format::scaled(v, s.decimals)))
            .unwrap_or_default()
    };
    match key {
        SortKey::File => pos.to_string(),
        SortKey::District => u.district.clone().unwrap_or_default(),
        SortKey::Name => u.name.clone(),
        SortKey::Value(i) => u.get(i).map(format::int).unwrap_or_default(),
        SortKey::Rate => pct(u.rate),
        SortKey::ScansPerLocation => u
            .scans_per_location
            .map(|x| format::decimal(x, 1))
            .unwrap_or_default(),
        SortKey::Share => pct(u.share_scans),
        SortKey::Rank => match (u.rank, u.prev_rank) {
            (Some(r), Some(p)) if p != r => {
                format!("{r} ({}{})", if p > r { "▲" } else { "▼" }, p.abs_diff(r))
            }
            (Some(r), _) => r.to_string(),
            _ => String::new(),
        },
        SortKey::Delta(i) => u.delta.get(i).map(format::signed).unwrap_or_default(),
    }
}

fn group_cell(d: &DistrictStats, key: SortKey, s: &Summary, lang: Lang) -> String {
    match key {
        SortKey::District => d.name.clone(),
        SortKey::Name => match lang {
            Lang::Vi => format!("{} đơn vị", d.units),
            Lang::En => format!("{} units", d.units),
        },
        SortKey::Value(i) => d.totals.get(i).map(format::int).unwrap_or_default(),
        SortKey::Rate => d
            .rate
            .map(|v| format!("{}%", format::scaled(v, s.decimals)))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// `unit-table`.
#[component]
pub fn UnitTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sm = state.summary;
    let sort = RwSignal::new((SortKey::File, false));
    let filter = RwSignal::new(String::new());
    let grouped = RwSignal::new(false);
    let folded = RwSignal::new(std::collections::HashSet::<usize>::new());
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(600.0f64);

    let cols = Memo::new(move |_| sm.with(columns));
    let ordered = Memo::new(move |_| {
        let (key, desc) = sort.get();
        sm.with(|s| order(s, key, desc, &filter.get()))
    });
    // Display rows: units, or district groups followed by their units.
    let rows = Memo::new(move |_| {
        let idx = ordered.get();
        if !grouped.get() {
            return idx.into_iter().map(Row::Unit).collect::<Vec<_>>();
        }
        sm.with(|s| {
            let folded = folded.get();
            let mut out = Vec::with_capacity(idx.len() + s.districts.len());
            for (di, d) in s.districts.iter().enumerate() {
                let key = thongbao_core::text::fold(&d.name);
                let members: Vec<usize> = idx
                    .iter()
                    .copied()
                    .filter(|&i| {
                        s.units[i]
                            .district
                            .as_deref()
                            .map(thongbao_core::text::fold)
                            .as_deref()
                            == Some(key.as_str())
                    })
                    .collect();
                if members.is_empty() {
                    continue;
                }
                out.push(Row::Group(di));
                if !folded.contains(&di) {
                    out.extend(members.into_iter().map(Row::Unit));
                }
            }
            out
        })
    });
    let window = move || {
        let n = rows.with(Vec::len);
        if n < VIRTUAL_FROM {
            return (0, n);
        }
        let first = ((scroll_top.get() / ROW_PX) as usize).saturating_sub(OVERSCAN);
        let count = (viewport.get() / ROW_PX) as usize + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n))
    };
    // Exports of the computed table (core writes the bytes).
    let export = move |xlsx: bool| {
        let rows = sm.with_untracked(|s| table::table(s, lang.get_untracked()));
        let stem = sm.with_untracked(|s| match s.date {
            Some(d) => format!("so-lieu-{}", d.iso()),
            None => "so-lieu".to_string(),
        });
        let _ = if xlsx {
            crate::browser::download(
                &format!("{stem}.xlsx"),
                table::XLSX_MIME,
                &table::to_xlsx(&rows),
            )
        } else {
            crate::browser::download(
                &format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                &table::to_csv(&rows),
            )
        };
    };
    let on_sort = move |key: SortKey| {
        sort.update(|(k, desc)| {
            if *k == key {
                *desc = !*desc;
            } else {
                *k = key;
                *desc = !matches!(
                    key,
                    SortKey::Name | SortKey::District | SortKey::File | SortKey::Rank
                );
            }
        })
    };
    let head = move || {
        let l = lang.get();
        let (cur, desc) = sort.get();
        cols.get()
            .into_iter()
            .map(|c| {
                let aria = if c.key == cur {
                    if desc {
                        "descending"
                    } else {
                        "ascending"
                    }
                } else {
                    "none"
                };
                let arrow = if c.key == cur {
                    if desc {
                        " ▼"
                    } else {
                        " ▲"
                    }
                } else {
                    ""
                };
                let key = c.key;
                view! {
                    <th scope="col" aria-sort=aria class:tb-num=c.numeric>
                        <button type="button" class="tb-sort" on:click=move |_| on_sort(key)>
                            {header(c.key, l)}<span aria-hidden="true">{arrow}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || {
        let (a, b) = window();
        let n = rows.with(Vec::len);
        let cols = cols.get();
        let l = lang.get();
        let ncols = cols.len();
        let all = rows.get();
        sm.with(|s| {
            let top = (a > 0).then(|| view! { <tr class="tb-spacer" aria-hidden="true"><td colspan=ncols style=format!("height:{}px", a as f64 * ROW_PX)></td></tr> });
            let bottom = (b < n).then(|| view! { <tr class="tb-spacer" aria-hidden="true"><td colspan=ncols style=format!("height:{}px", (n - b) as f64 * ROW_PX)></td></tr> });
            let visible = all[a..b]
                .iter()
                .map(|r| match *r {
                    Row::Unit(i) => {
                        let u = &s.units[i];
                        let cls = match u.class {
                            thongbao_core::stats::ScanClass::High => "tb-row-high",
                            thongbao_core::stats::ScanClass::Low => "tb-row-low",
                            _ => "",
                        };
                        view! {
                            <tr class=cls>
                                {cols.iter().map(|c| view! { <td class:tb-num=c.numeric>{cell(u, i + 1, c.key, s)}</td> }).collect_view()}
                            </tr>
                        }
                        .into_any()
                    }
                    Row::Group(di) => {
                        let d = &s.districts[di];
                        let open = !folded.with(|f| f.contains(&di));
                        let name = d.name.clone();
                        view! {
                            <tr class="tb-group">
                                {cols.iter().map(|c| {
                                    if c.key == SortKey::File {
                                        view! {
                                            <td>
                                                <button type="button" class="tb-fold" aria-expanded=open.to_string()
                                                    aria-label=format!("{} {}", if open { "−" } else { "+" }, name)
                                                    on:click=move |_| folded.update(|f| { if !f.remove(&di) { f.insert(di); } })>
                                                    {if open { "▾" } else { "▸" }}
                                                </button>
                                            </td>
                                        }.into_any()
                                    } else {
                                        view! { <td class:tb-num=c.numeric>{group_cell(d, c.key, s, l)}</td> }.into_any()
                                    }
                                }).collect_view()}
                            </tr>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! { {top} {visible} {bottom} }
        })
    };
    let foot = move || {
        let cols = cols.get();
        let l = lang.get();
        sm.with(|s| {
            cols.iter()
                .map(|c| {
                    let text = match c.key {
                        SortKey::Name => t(l, "total").to_string(),
                        SortKey::Value(i) => s
                            .units
                            .iter()
                            .filter_map(|u| u.get(i))
                            .reduce(|a, b| a + b)
                            .map(format::int)
                            .unwrap_or_default(),
                        SortKey::Rate => {
                            let sum = |i| {
                                s.units
                                    .iter()
                                    .filter_map(|u: &UnitStats| u.get(i))
                                    .sum::<i64>()
                            };
                            if s.units.iter().any(|u| u.rate.is_some()) {
                                format::percent(
                                    sum(Indicator::Installs),
                                    sum(Indicator::Smartphones),
                                    s.decimals,
                                )
                            } else {
                                String::new()
                            }
                        }
                        SortKey::Delta(i) => s.delta.get(i).map(format::signed).unwrap_or_default(),
                        _ => String::new(),
                    };
                    view! { <td class:tb-num=c.numeric>{text}</td> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="tb-table-tools">
            <h2 id="unit-table-title">{tr("table-title")}</h2>
            <label class="tb-filter">
                <span>{tr("filter")}</span>
                <input type="search" data-testid="unit-filter" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            </label>
            <Show when=move || sm.with(|s| s.district_count.is_some())>
                <label class="tb-check">
                    <input type="checkbox" data-testid="group-districts" prop:checked=move || grouped.get()
                        on:change=move |ev| grouped.set(event_target_checked(&ev)) />
                    {tr("group-by-district")}
                </label>
            </Show>
            <button type="button" class="tb-secondary tb-small" data-testid="download-csv" on:click=move |_| export(false)>
                {tr("download-csv")}
            </button>
            <button type="button" class="tb-secondary tb-small" data-testid="download-xlsx" on:click=move |_| export(true)>
                {tr("download-xlsx")}
            </button>
            <span class="tb-hint" role="status">
                {move || format!("{} / {}", ordered.with(Vec::len), sm.with(|s| s.units.len()))}
            </span>
        </div>
        <div class="tb-table-wrap" tabindex="0" aria-labelledby="unit-table-title"
            on:scroll=move |ev| {
                let el: web_sys::HtmlElement = event_target(&ev);
                scroll_top.set(el.scroll_top() as f64);
                viewport.set(el.client_height() as f64);
            }>
            <table class="tb-table" data-testid="unit-table" aria-labelledby="unit-table-title">
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
                <tfoot><tr>{foot}</tr></tfoot>
            </table>
        </div>
    }
}
