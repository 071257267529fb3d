//! The charts the page shows: scans per unit, install rate per unit, the
//! trend of a figure over the report periods.

use super::bars::{per_unit, sort_desc, Item, Ref};
use super::*;

fn bar_class(c: ScanClass) -> BarClass {
    match c {
        ScanClass::High => BarClass::High,
        ScanClass::Middle => BarClass::Middle,
        ScanClass::Low => BarClass::Low,
        ScanClass::Unknown => BarClass::Unknown,
    }
}

/// QR scans per unit, sorted descending, with the high and low thresholds
/// (`high_pct` / `low_pct` % of the mean) as labelled lines. `None` when no
/// unit has scans.
pub fn scans_chart(s: &Summary, lang: Lang) -> Option<Chart> {
    let vi = lang == Lang::Vi;
    let mean = s.mean_scans?;
    let mut items: Vec<Item> = s
        .units
        .iter()
        .filter_map(|u| {
            let v = u.get(Indicator::Scans)?;
            let tip = format!(
                "{}: {} {}",
                u.name,
                format::int(v),
                if vi { "lượt quét" } else { "scans" }
            );
            Some(Item {
                name: &u.name,
                value: v as f64,
                text: format::int(v),
                class: bar_class(u.class),
                tip,
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    sort_desc(&mut items);
    let (hi, lo) = (
        mean * f64::from(s.thresholds.high_pct) / 100.0,
        mean * f64::from(s.thresholds.low_pct) / 100.0,
    );
    let (hi_t, lo_t) = (format::decimal(hi, 1), format::decimal(lo, 1));
    let count = |c| items.iter().filter(|i| i.class == c).count();
    let (n, top) = (items.len(), &items[0]);
    let (nh, nl) = (count(BarClass::High), count(BarClass::Low));
    let none = s.units.len() - n;
    let (title, mut desc) = if vi {
        let d = format!("{n} đơn vị; cao nhất {} {}; ngưỡng cao {hi_t}, ngưỡng thấp {lo_t}; {nh} đơn vị quét cao, {nl} đơn vị quét thấp", top.name, top.text);
        ("Lượt quét QR theo đơn vị", d)
    } else {
        let d = format!("{n} units; highest {} {}; high threshold {hi_t}, low threshold {lo_t}; {nh} high, {nl} low", top.name, top.text);
        ("QR scans per unit", d)
    };
    if none > 0 {
        desc += &if vi {
            format!("; {none} đơn vị không có số liệu")
        } else {
            format!("; {none} units without figures")
        };
    }
    let refs = [
        Ref {
            value: hi,
            class: LineClass::ThresholdHigh,
            text: format!("{} ≥ {hi_t}", if vi { "Cao" } else { "High" }),
            dashed: false,
        },
        Ref {
            value: lo,
            class: LineClass::ThresholdLow,
            text: format!("{} < {lo_t}", if vi { "Thấp" } else { "Low" }),
            dashed: true,
        },
    ];
    let keys = [
        (BarClass::High, "Cao", "High"),
        (BarClass::Middle, "Vừa", "Middle"),
        (BarClass::Low, "Thấp", "Low"),
    ]
    .map(|(c, v, e)| (c, if vi { v } else { e }));
    Some(per_unit(
        Chart::new(title.into(), desc),
        items,
        &refs,
        &keys,
        "",
        5.0,
        lang,
    ))
}

/// Install rate per unit (`UnitStats::rate`), sorted descending, with the
/// overall rate and the low-install threshold as lines; low installers are
/// drawn as [`BarClass::Low`] bars. `None` when no unit has a rate.
pub fn rate_chart(s: &Summary, lang: Lang) -> Option<Chart> {
    let vi = lang == Lang::Vi;
    let dec = s.decimals;
    let p = 10f64.powi(i32::from(dec));
    let pct = |r: i64| format::percent_scaled(r, dec);
    let mut items: Vec<Item> = s
        .units
        .iter()
        .filter_map(|u| {
            let r = u.rate?;
            let of = |i| u.get(i).map_or("—".into(), format::int);
            let tip = format!(
                "{}: {} ({}/{})",
                u.name,
                pct(r),
                of(Indicator::Installs),
                of(Indicator::Smartphones)
            );
            let class = if u.low_install {
                BarClass::Low
            } else {
                BarClass::Rate
            };
            Some(Item {
                name: &u.name,
                value: r as f64 / p,
                text: pct(r),
                class,
                tip,
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    sort_desc(&mut items);
    let n_low = items.iter().filter(|i| i.class == BarClass::Low).count();
    let mut refs = Vec::new();
    let (title, mut desc) = if vi {
        (
            "Tỷ lệ cài đặt PC-Covid theo đơn vị",
            format!(
                "{} đơn vị; cao nhất {} {}",
                items.len(),
                items[0].name,
                items[0].text
            ),
        )
    } else {
        (
            "PC-Covid install rate per unit",
            format!(
                "{} units; highest {} {}",
                items.len(),
                items[0].name,
                items[0].text
            ),
        )
    };
    if let Some(r) = s.rate {
        let low = r as f64 / p * f64::from(s.thresholds.low_install_pct) / 100.0;
        let low_t = format!("{}%", format::decimal(low, dec));
        refs.push(Ref {
            value: r as f64 / p,
            class: LineClass::Mean,
            text: format!("{} {}", if vi { "Chung" } else { "Overall" }, pct(r)),
            dashed: true,
        });
        refs.push(Ref {
            value: low,
            class: LineClass::ThresholdLow,
            text: format!("{} < {low_t}", if vi { "Thấp" } else { "Low" }),
            dashed: true,
        });
        desc += &if vi {
            format!(
                "; tỷ lệ chung {}; {n_low} đơn vị cài đặt thấp (dưới {low_t})",
                pct(r)
            )
        } else {
            format!(
                "; overall rate {}; {n_low} low installers (below {low_t})",
                pct(r)
            )
        };
    }
    let keys = if vi {
        [
            (BarClass::Rate, "Tỷ lệ cài đặt"),
            (BarClass::Low, "Cài đặt thấp"),
        ]
    } else {
        [
            (BarClass::Rate, "Install rate"),
            (BarClass::Low, "Low installs"),
        ]
    };
    Some(per_unit(
        Chart::new(title.into(), desc),
        items,
        &refs,
        &keys,
        "%",
        1.0,
        lang,
    ))
}

/// Totals of `ind` over the report periods (`Summary::trend`), evenly
/// spaced, x labels "05/11". `None` unless ≥ 2 periods have the figure.
pub fn trend_chart(s: &Summary, ind: Indicator, lang: Lang) -> Option<Chart> {
    let ints: Vec<(Option<Date>, i64)> = s
        .trend
        .iter()
        .filter_map(|(d, v)| Some((*d, v.get(ind)?)))
        .collect();
    let (first, last) = (ints.first()?.1, ints.last()?.1);
    let pts: Vec<(Option<Date>, f64, String)> = ints
        .iter()
        .map(|&(d, v)| (d, v as f64, format::int(v)))
        .collect();
    trend_of(ind.label(lang), &pts, &format::signed(last - first), lang)
}

/// A figure's totals over the report periods as a line: `pts` are the
/// periods' dates, values and values as printed, `change` the change from
/// the first to the last as printed. `None` under 2 points.
pub fn trend_of(
    name: &str,
    pts: &[(Option<Date>, f64, String)],
    change: &str,
    lang: Lang,
) -> Option<Chart> {
    if pts.len() < 2 {
        return None;
    }
    let day =
        |d: Option<Date>, long: bool| d.map_or("—".into(), |d| if long { d.dmy() } else { d.dm() });
    let n = pts.len();
    let ((d0, _, a), (d1, _, b)) = (&pts[0], &pts[n - 1]);
    let (d0, d1, ch) = (*d0, *d1, change);
    let (title, desc) = match lang {
        Lang::Vi => (
            format!("{name} qua các kỳ báo cáo"),
            format!(
                "{n} kỳ; từ {a} ({}) đến {b} ({}), thay đổi {ch}",
                day(d0, true),
                day(d1, true)
            ),
        ),
        Lang::En => (
            format!("{name} over report periods"),
            format!(
                "{n} periods; from {a} ({}) to {b} ({}), change {ch}",
                day(d0, true),
                day(d1, true)
            ),
        ),
    };
    let mut c = Chart::new(title, desc);
    let max = pts.iter().map(|p| p.1).fold(5.0, f64::max);
    let ticks = nice_ticks(max, 5);
    let step = ticks[1];
    let val_w = pts
        .iter()
        .map(|p| text_w(&p.2))
        .fold(text_w("00/00"), f64::max);
    let left = ticks
        .iter()
        .map(|&t| text_w(&num(t, step)))
        .fold(0.0, f64::max)
        + 14.0;
    let (top, axis, right) = (48.0, 268.0, WIDTH - 16.0);
    let pad = val_w / 2.0 + 6.0;
    let dx = (right - left - 2.0 * pad) / (n - 1) as f64;
    let k = (axis - top) / ticks[ticks.len() - 1];
    c.y_axis(&ticks, "", left, right, top, axis);
    let every = ((text_w("00/00") + 10.0) / dx).ceil().max(1.0) as usize;
    let values_fit = val_w + 6.0 <= dx;
    let mut poly = Vec::with_capacity(n);
    for (i, (d, v, text)) in pts.iter().enumerate() {
        let (x, y) = (left + pad + i as f64 * dx, axis - *v * k);
        poly.push((x, y));
        let title = format!("{name}, {}: {text}", day(*d, true));
        c.points.push(Point {
            x,
            y,
            r: 4.0,
            title,
        });
        if values_fit {
            c.labels
                .push(label(x, y - 9.0, text, Anchor::Middle, LabelClass::Value));
        }
        if i % every == 0 {
            c.labels.push(label(
                x,
                axis + 16.0,
                day(*d, false),
                Anchor::Middle,
                LabelClass::Tick,
            ));
        }
    }
    c.polyline = Some(poly);
    c.height = axis + 28.0;
    Some(c)
}
