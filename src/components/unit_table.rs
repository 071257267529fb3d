//! The table of units with a totals row.

use crate::i18n::t;
use crate::state::use_state;
use leptos::prelude::*;
use thongbao_core::format;
use thongbao_core::model::Indicator;

/// `unit-table`.
#[component]
pub fn UnitTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sm = state.summary;
    let inds = move || {
        sm.with(|s| {
            Indicator::ALL
                .into_iter()
                .filter(|&i| s.units.iter().any(|u| u.get(i).is_some()))
                .collect::<Vec<_>>()
        })
    };
    let has_district = move || sm.with(|s| s.district_count.is_some());
    view! {
        <h2>{move || t(lang.get(), "table-title")}</h2>
        <div class="tb-table-wrap">
            <table class="tb-table" data-testid="unit-table">
                <thead>
                    <tr>
                        <th scope="col">{move || t(lang.get(), "stt")}</th>
                        <Show when=has_district>
                            <th scope="col">{move || t(lang.get(), "district")}</th>
                        </Show>
                        <th scope="col">{move || t(lang.get(), "unit")}</th>
                        {move || inds().into_iter().map(|i| view! { <th scope="col" class="tb-num">{i.label(lang.get())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let inds = inds();
                        let hd = has_district();
                        sm.with(|s| {
                            s.units
                                .iter()
                                .enumerate()
                                .map(|(k, u)| {
                                    let cells = inds
                                        .iter()
                                        .map(|&i| view! { <td class="tb-num">{u.get(i).map(format::int).unwrap_or_default()}</td> })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <td class="tb-num">{k + 1}</td>
                                            {hd.then(|| view! { <td>{u.district.clone().unwrap_or_default()}</td> })}
                                            <td>{u.name.clone()}</td>
                                            {cells}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
                <tfoot>
                    <tr>
                        <td></td>
                        <Show when=has_district><td></td></Show>
                        <th scope="row">{move || t(lang.get(), "total")}</th>
                        {move || {
                            sm.with(|s| {
                                inds()
                                    .into_iter()
                                    .map(|i| {
                                        let v: i64 = s.units.iter().filter_map(|u| u.get(i)).sum();
                                        view! { <td class="tb-num">{format::int(v)}</td> }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
