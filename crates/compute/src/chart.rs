//! Chart layout: per-unit bars and the trend line as plain shapes in a
//! viewBox. The app draws the shapes as inline SVG; [`Chart::to_svg`] writes
//! the same shapes as a standalone document (download, PNG via a canvas).
//!
//! No font is measured: text is estimated at [`CHAR_W`] px per character
//! (12 px sans-serif), and names are rotated, or the bars turned sideways,
//! so that estimate never overlaps. Colour is never the only cue: low bars
//! are hatched, threshold lines are labelled (and dashed or solid), and a
//! legend names the classes.

use crate::date::Date;
use crate::format;
use crate::model::Indicator;
use crate::stats::{ScanClass, Summary};
use crate::Lang;
use std::fmt::Write;

/// Width of every chart's viewBox.
pub const WIDTH: f64 = 720.0;
/// Estimated width of one character of 12 px text.
pub const CHAR_W: f64 = 7.0;
/// Height of one unit's row in the horizontal layout.
pub const ROW: f64 = 18.0;
/// More units than this are drawn as horizontal bars.
pub const MAX_VERTICAL: usize = 20;
/// More units than this: only the first and last [`KEEP`] are drawn.
pub const MAX_ROWS: usize = 400;
pub const KEEP: usize = 30;
/// Longer names are cut with "…" (the tooltip keeps the whole name).
const MAX_NAME: usize = 32;
const PLOT_H: f64 = 260.0;
/// Rotation of unit names under vertical bars, in degrees.
const ROT: f64 = -40.0;

/// A laid-out chart: plain shapes in a viewBox, ready to draw as SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub title: String,
    /// A one-sentence summary for `<desc>` and screen readers.
    pub description: String,
    /// Bars run left to right (names on the left), used for many units.
    pub horizontal: bool,
    pub bars: Vec<Bar>,
    pub lines: Vec<Line>,
    /// Every text, the title included (class "title").
    pub labels: Vec<Label>,
    pub polyline: Option<Vec<(f64, f64)>>,
    pub points: Vec<Point>,
    pub legend: Vec<Key>,
}

/// A bar; `class` is "high", "middle", "low", "unknown" or "rate".
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub class: &'static str,
    /// Tooltip: "Xã Trung Hạ: 938 lượt quét".
    pub title: String,
}

/// A line; `class` is "axis", "grid", "threshold-high", "threshold-low" or
/// "mean".
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub class: &'static str,
    pub dashed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A text at its baseline point; `class` is "title", "tick", "name",
/// "value", "note", or a line's class for that line's label.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
    pub class: &'static str,
    /// Degrees around (x, y), e.g. -40 for long unit names.
    pub rotate: f64,
}

/// A marker of the trend line.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub class: &'static str,
    pub title: String,
}

/// A legend entry: a 10×10 swatch styled like a bar of `class` with its top
/// left at (x, y − 9), and `text` at (x + 14, y).
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
    pub text: String,
}

fn text_w(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR_W
}

/// Bold reference labels run wider.
fn bold_w(s: &str) -> f64 {
    s.chars().count() as f64 * 8.0
}

fn short(s: &str) -> String {
    if s.chars().count() <= MAX_NAME {
        s.to_string()
    } else {
        s.chars().take(MAX_NAME - 1).chain(['…']).collect()
    }
}

/// `v` with the decimals `step` needs, the Vietnamese way: 2.500, 0,5.
fn num(v: f64, step: f64) -> String {
    let d = if step >= 1.0 {
        0.0
    } else {
        -(step.log10() + 1e-9).floor()
    };
    format::decimal(v, d.clamp(0.0, 6.0) as u8)
}

fn label(x: f64, y: f64, text: impl Into<String>, anchor: Anchor, class: &'static str) -> Label {
    Label {
        x,
        y,
        text: text.into(),
        anchor,
        class,
        rotate: 0.0,
    }
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: &'static str, dashed: bool) -> Line {
    Line {
        x1,
        y1,
        x2,
        y2,
        class,
        dashed,
    }
}

/// Axis ticks from 0: 0, step, … up to the first ≥ `max`, with steps of
/// 1, 2 or 5 × 10ⁿ giving about `target` intervals. A non-positive or
/// non-finite `max` is taken as 1.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / target.max(1) as f64;
    let k = raw.log10().floor() as i32;
    let mag = 10f64.powi(k);
    let m = [1.0, 2.0, 5.0]
        .into_iter()
        .find(|m| m * mag >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0);
    let n = (max / (m * mag) - 1e-9).ceil().max(1.0) as usize;
    // Integers first, one division last: 0,3 not 0,30000000000000004.
    let at = |i: usize| {
        if k >= 0 {
            i as f64 * m * mag
        } else {
            i as f64 * m / 10f64.powi(-k)
        }
    };
    (0..=n).map(at).collect()
}

impl Chart {
    fn new(title: String, description: String) -> Chart {
        let labels = vec![label(8.0, 20.0, title.clone(), Anchor::Start, "title")];
        Chart {
            width: WIDTH,
            height: 0.0,
            title,
            description,
            horizontal: false,
            bars: Vec::new(),
            lines: Vec::new(),
            labels,
            polyline: None,
            points: Vec::new(),
            legend: Vec::new(),
        }
    }

    /// Legend at baseline `y`; returns the next free baseline.
    fn keys(&mut self, y: f64, keys: &[(&'static str, &str)]) -> f64 {
        let mut x = 8.0;
        for &(class, text) in keys {
            self.legend.push(Key {
                x,
                y,
                class,
                text: text.to_string(),
            });
            x += 30.0 + text_w(text);
        }
        if keys.is_empty() {
            y
        } else {
            y + 18.0
        }
    }

    /// Horizontal grid, tick labels left of `left` and both axes.
    fn y_axis(&mut self, ticks: &[f64], suffix: &str, left: f64, right: f64, top: f64, axis: f64) {
        let (step, k) = (ticks[1], (axis - top) / ticks[ticks.len() - 1]);
        for &t in ticks {
            let y = axis - t * k;
            if t > 0.0 {
                self.lines.push(line(left, y, right, y, "grid", false));
            }
            self.labels.push(label(
                left - 6.0,
                y + 4.0,
                num(t, step) + suffix,
                Anchor::End,
                "tick",
            ));
        }
        self.lines.push(line(left, top, left, axis, "axis", false));
        self.lines
            .push(line(left, axis, right, axis, "axis", false));
    }
}

/// One unit's bar before layout.
struct Item<'a> {
    name: &'a str,
    value: f64,
    text: String,
    class: &'static str,
    tip: String,
}

/// A labelled reference line (threshold, overall rate).
struct Ref {
    value: f64,
    class: &'static str,
    text: String,
    dashed: bool,
}

fn sort_desc(items: &mut [Item]) {
    items.sort_by(|a, b| b.value.total_cmp(&a.value)); // stable: ties in file order
}

/// Lays out per-unit bars (sorted descending), vertical for a few units,
/// horizontal for many, the reference lines across them, and the legend
/// `keys` (class, text) of the classes drawn.
fn per_unit(
    mut c: Chart,
    mut items: Vec<Item>,
    refs: &[Ref],
    keys: &[(&'static str, &str)],
    suffix: &str,
    floor: f64,
    lang: Lang,
) -> Chart {
    let omitted = if items.len() > MAX_ROWS {
        items.len() - 2 * KEEP
    } else {
        0
    };
    if omitted > 0 {
        items.drain(KEEP..KEEP + omitted);
        c.description += &match lang {
            Lang::Vi => format!("; biểu đồ chỉ hiện {KEEP} đơn vị cao nhất và {KEEP} đơn vị thấp nhất, lược bớt {omitted} đơn vị khác"),
            Lang::En => format!("; the chart shows the top {KEEP} and bottom {KEEP} units only, {omitted} others are left out"),
        };
    }
    let max = items
        .iter()
        .map(|i| i.value)
        .chain(refs.iter().map(|r| r.value))
        .fold(floor, f64::max);
    let ticks = nice_ticks(max, 5);
    let (step, top_v) = (ticks[1], ticks[ticks.len() - 1]);
    let names: Vec<String> = items.iter().map(|i| short(i.name)).collect();
    let name_w = names.iter().map(|s| text_w(s)).fold(0.0, f64::max);
    let keys: Vec<_> = keys
        .iter()
        .filter(|k| items.iter().any(|i| i.class == k.0))
        .copied()
        .collect();
    let y0 = c.keys(40.0, &keys);
    let n = items.len() as f64;

    // Vertical: left margin fits the tick labels and the first rotated name.
    let tick_w = ticks
        .iter()
        .map(|&t| text_w(&(num(t, step) + suffix)))
        .fold(0.0, f64::max);
    let right = refs
        .iter()
        .map(|r| bold_w(&r.text) + 12.0)
        .fold(16.0, f64::max);
    let mut left = tick_w + 14.0;
    let mut slot = (WIDTH - left - right) / n;
    let rotate = name_w > slot - 6.0;
    let (sin, cos) = ROT.to_radians().sin_cos();
    if rotate {
        // The first name's far end, cx + 4 − w·cos, stays at x ≥ 2.
        let w0 = text_w(&names[0]);
        let half = 1.0 / (2.0 * n);
        left = left.max((w0 * cos - 6.0 - (WIDTH - right) * half) / (1.0 - half));
        slot = (WIDTH - left - right) / n;
    }
    c.horizontal = items.len() > MAX_VERTICAL || slot < 24.0;

    if !c.horizontal {
        let (top, plot_r) = (y0 + 8.0, WIDTH - right);
        let axis = top + PLOT_H;
        let k = PLOT_H / top_v;
        c.y_axis(&ticks, suffix, left, plot_r, top, axis);
        let values_fit = items.iter().all(|i| text_w(&i.text) <= slot - 2.0);
        for (i, (it, name)) in items.iter().zip(names).enumerate() {
            let cx = left + (i as f64 + 0.5) * slot;
            let h = it.value.max(0.0) * k;
            let (x, w) = (cx - 0.35 * slot, 0.7 * slot);
            c.bars.push(Bar {
                x,
                y: axis - h,
                w,
                h,
                class: it.class,
                title: it.tip.clone(),
            });
            if values_fit {
                c.labels.push(label(
                    cx,
                    axis - h - 4.0,
                    it.text.clone(),
                    Anchor::Middle,
                    "value",
                ));
            }
            c.labels.push(if rotate {
                Label {
                    rotate: ROT,
                    ..label(cx + 4.0, axis + 12.0, name, Anchor::End, "name")
                }
            } else {
                label(cx, axis + 16.0, name, Anchor::Middle, "name")
            });
        }
        // Reference labels in the right margin, pushed apart by a line height.
        let mut ys: Vec<(f64, usize)> = refs
            .iter()
            .enumerate()
            .map(|(j, r)| (axis - r.value * k, j))
            .collect();
        ys.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut prev = f64::MIN;
        for (y, j) in ys {
            let r = &refs[j];
            c.lines.push(line(left, y, plot_r, y, r.class, r.dashed));
            prev = (y + 4.0).max(prev + 14.0);
            c.labels.push(label(
                plot_r + 4.0,
                prev,
                r.text.clone(),
                Anchor::Start,
                r.class,
            ));
        }
        c.height = (axis
            + if rotate {
                12.0 - name_w * sin + 12.0
            } else {
                28.0
            })
        .max(prev + 8.0);
        return c;
    }

    // Horizontal: names left, bars right, values after the bars.
    let left = name_w.min(MAX_NAME as f64 * CHAR_W) + 14.0;
    let last_tick = num(top_v, step) + suffix;
    let right = items
        .iter()
        .map(|i| text_w(&i.text))
        .fold(text_w(&last_tick) / 2.0, f64::max)
        + 12.0;
    let k = (WIDTH - left - right) / top_v;
    // Header rows: one per reference label, then the tick labels.
    let ref_rows = (0..refs.len()).map(|j| y0 + 16.0 * j as f64);
    let tick_y = y0 + 16.0 * refs.len() as f64;
    let top = tick_y + 6.0;
    let mut row = top;
    for (i, (it, name)) in items.iter().zip(names).enumerate() {
        if omitted > 0 && i == KEEP {
            let note = match lang {
                Lang::Vi => format!("… {} đơn vị khác", format::int(omitted as i64)),
                Lang::En => format!("… {} other units", format::int(omitted as i64)),
            };
            c.labels
                .push(label(8.0, row + 16.0, note, Anchor::Start, "note"));
            row += 24.0;
        }
        let w = it.value.max(0.0) * k;
        c.bars.push(Bar {
            x: left,
            y: row + 3.0,
            w,
            h: ROW - 6.0,
            class: it.class,
            title: it.tip.clone(),
        });
        c.labels
            .push(label(left - 6.0, row + 13.0, name, Anchor::End, "name"));
        c.labels.push(label(
            left + w + 4.0,
            row + 13.0,
            it.text.clone(),
            Anchor::Start,
            "value",
        ));
        row += ROW;
    }
    let bottom = row;
    for &t in &ticks {
        let x = left + t * k;
        if t > 0.0 {
            c.lines.push(line(x, top, x, bottom, "grid", false));
        }
        for ty in [tick_y, bottom + 16.0] {
            c.labels
                .push(label(x, ty, num(t, step) + suffix, Anchor::Middle, "tick"));
        }
    }
    c.lines.push(line(left, top, left, bottom, "axis", false));
    for (r, ty) in refs.iter().zip(ref_rows) {
        let x = left + r.value * k;
        c.lines.push(line(x, top, x, bottom, r.class, r.dashed));
        let half = bold_w(&r.text) / 2.0;
        let tx = x.clamp(half + 4.0, WIDTH - half - 4.0);
        c.labels
            .push(label(tx, ty, r.text.clone(), Anchor::Middle, r.class));
    }
    c.height = bottom + 24.0;
    c
}

fn class_name(c: ScanClass) -> &'static str {
    match c {
        ScanClass::High => "high",
        ScanClass::Middle => "middle",
        ScanClass::Low => "low",
        ScanClass::Unknown => "unknown",
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
                class: class_name(u.class),
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
    let count = |c: &str| items.iter().filter(|i| i.class == c).count();
    let (n, top, nh, nl) = (items.len(), &items[0], count("high"), count("low"));
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
            class: "threshold-high",
            text: format!("{} ≥ {hi_t}", if vi { "Cao" } else { "High" }),
            dashed: false,
        },
        Ref {
            value: lo,
            class: "threshold-low",
            text: format!("{} < {lo_t}", if vi { "Thấp" } else { "Low" }),
            dashed: true,
        },
    ];
    let keys = [
        ("high", "Cao", "High"),
        ("middle", "Vừa", "Middle"),
        ("low", "Thấp", "Low"),
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
/// drawn as "low" bars. `None` when no unit has a rate.
pub fn rate_chart(s: &Summary, lang: Lang) -> Option<Chart> {
    let vi = lang == Lang::Vi;
    let dec = s.decimals;
    let p = 10f64.powi(i32::from(dec));
    let pct = |r: i64| format!("{}%", format::scaled(r, dec));
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
            let class = if u.low_install { "low" } else { "rate" };
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
    let n_low = items.iter().filter(|i| i.class == "low").count();
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
            class: "mean",
            text: format!("{} {}", if vi { "Chung" } else { "Overall" }, pct(r)),
            dashed: true,
        });
        refs.push(Ref {
            value: low,
            class: "threshold-low",
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
        [("rate", "Tỷ lệ cài đặt"), ("low", "Cài đặt thấp")]
    } else {
        [("rate", "Install rate"), ("low", "Low installs")]
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
    let pts: Vec<(Option<Date>, i64)> = s
        .trend
        .iter()
        .filter_map(|(d, v)| Some((*d, v.get(ind)?)))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let name = ind.label(lang);
    let day =
        |d: Option<Date>, long: bool| d.map_or("—".into(), |d| if long { d.dmy() } else { d.dm() });
    let ((d0, v0), (d1, v1), n) = (pts[0], pts[pts.len() - 1], pts.len());
    let (a, b, ch) = (format::int(v0), format::int(v1), format::signed(v1 - v0));
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
    let max = pts.iter().map(|p| p.1 as f64).fold(5.0, f64::max);
    let ticks = nice_ticks(max, 5);
    let step = ticks[1];
    let texts: Vec<String> = pts.iter().map(|p| format::int(p.1)).collect();
    let val_w = texts
        .iter()
        .map(|t| text_w(t))
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
    for (i, ((d, v), text)) in pts.iter().zip(texts).enumerate() {
        let (x, y) = (left + pad + i as f64 * dx, axis - *v as f64 * k);
        poly.push((x, y));
        let title = format!("{name}, {}: {text}", day(*d, true));
        c.points.push(Point {
            x,
            y,
            r: 4.0,
            class: "point",
            title,
        });
        if values_fit {
            c.labels
                .push(label(x, y - 9.0, text, Anchor::Middle, "value"));
        }
        if i % every == 0 {
            c.labels.push(label(
                x,
                axis + 16.0,
                day(*d, false),
                Anchor::Middle,
                "tick",
            ));
        }
    }
    c.polyline = Some(poly);
    c.height = axis + 28.0;
    Some(c)
}

const STYLE: &str = "<style>text{fill:#222}.title{font-size:15px;font-weight:bold}\
.tick,.value{font-size:11px;fill:#444}.value{paint-order:stroke;stroke:#fff;stroke-width:3px}.note{font-style:italic;fill:#555}\
.high{fill:#1d6b2f}.middle,.rate{fill:#1f4e8c}.low{fill:url(#hatch);stroke:#b42318}.unknown{fill:#999}\
.axis{stroke:#333}.grid{stroke:#e2e2e2}line.threshold-high{stroke:#1d6b2f;stroke-width:1.5}\
line.threshold-low{stroke:#b42318;stroke-width:1.5}line.mean{stroke:#333;stroke-width:1.5}\
text.threshold-high,text.threshold-low,text.mean{font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px}\
text.threshold-high{fill:#1d6b2f}text.threshold-low{fill:#b42318}\
.trend{fill:none;stroke:#1f4e8c;stroke-width:2}.point{fill:#1f4e8c;stroke:#fff;stroke-width:1.5}</style>\
<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect width=\"6\" height=\"6\" fill=\"#b42318\"/><rect width=\"2\" height=\"6\" fill=\"#fff\"/></pattern></defs>";

/// A coordinate with at most one decimal.
fn f(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

fn esc(o: &mut String, s: &str) {
    crate::office::xml::escape_into(o, s);
}

impl Chart {
    /// A standalone SVG document of the chart; every text is escaped.
    pub fn to_svg(&self) -> String {
        let mut o = String::with_capacity(2048 + 160 * (self.bars.len() + self.labels.len()));
        let (w, h) = (f(self.width), f(self.height));
        let _ = write!(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\"><title>");
        esc(&mut o, &self.title);
        o.push_str("</title><desc>");
        esc(&mut o, &self.description);
        o.push_str("</desc>");
        o.push_str(STYLE);
        let _ = write!(o, "<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>");
        let lines = |o: &mut String, grid: bool| {
            for l in self.lines.iter().filter(|l| (l.class == "grid") == grid) {
                let _ = write!(
                    o,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"",
                    f(l.x1),
                    f(l.y1),
                    f(l.x2),
                    f(l.y2),
                    l.class
                );
                o.push_str(if l.dashed {
                    " stroke-dasharray=\"6 4\"/>"
                } else {
                    "/>"
                });
            }
        };
        lines(&mut o, true);
        for b in &self.bars {
            let _ = write!(
                o,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"><title>",
                f(b.x),
                f(b.y),
                f(b.w),
                f(b.h),
                b.class
            );
            esc(&mut o, &b.title);
            o.push_str("</title></rect>");
        }
        lines(&mut o, false);
        if let Some(p) = &self.polyline {
            o.push_str("<polyline class=\"trend\" points=\"");
            for (x, y) in p {
                let _ = write!(o, "{},{} ", f(*x), f(*y));
            }
            o.push_str("\"/>");
        }
        for p in &self.points {
            let _ = write!(
                o,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{}\"><title>",
                f(p.x),
                f(p.y),
                p.r,
                p.class
            );
            esc(&mut o, &p.title);
            o.push_str("</title></circle>");
        }
        for k in &self.legend {
            let _ = write!(o, "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" class=\"{}\"/><text x=\"{}\" y=\"{}\">", f(k.x), f(k.y - 9.0), k.class, f(k.x + 14.0), f(k.y));
            esc(&mut o, &k.text);
            o.push_str("</text>");
        }
        for l in &self.labels {
            let (x, y) = (f(l.x), f(l.y));
            let _ = write!(o, "<text x=\"{x}\" y=\"{y}\" class=\"{}\"", l.class);
            if l.anchor != Anchor::Start {
                let _ = write!(o, " text-anchor=\"{}\"", l.anchor.as_str());
            }
            if l.rotate != 0.0 {
                let _ = write!(o, " transform=\"rotate({} {x} {y})\"", l.rotate);
            }
            o.push('>');
            esc(&mut o, &l.text);
            o.push_str("</text>");
        }
        o.push_str("</svg>\n");
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::summarize;

    fn summary(csv: &str) -> Summary {
        let d = crate::ingest::read(csv.as_bytes(), "t.csv").unwrap();
        summarize(&d, &Default::default(), &Default::default())
    }

    fn seed() -> Summary {
        summary(crate::SAMPLE_CSV)
    }

    type Quad = [(f64, f64); 4];

    /// The estimated box of a label's text, rotated (7 px a character,
    /// 9 for titles; 10 px above the baseline, 3 below).
    fn quad(l: &Label) -> Quad {
        let w = l.text.chars().count() as f64 * if l.class == "title" { 9.0 } else { CHAR_W };
        let u0 = match l.anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -w / 2.0,
            Anchor::End => -w,
        };
        let (s, c) = l.rotate.to_radians().sin_cos();
        let p = |u: f64, v: f64| (l.x + u * c - v * s, l.y + u * s + v * c);
        [p(u0, -10.0), p(u0 + w, -10.0), p(u0 + w, 3.0), p(u0, 3.0)]
    }

    /// Separating-axis test of two rectangles.
    fn overlap(a: &Quad, b: &Quad) -> bool {
        let axes = [a, b].into_iter().flat_map(|r| {
            [
                (r[1].0 - r[0].0, r[1].1 - r[0].1),
                (r[3].0 - r[0].0, r[3].1 - r[0].1),
            ]
        });
        let span = |r: &Quad, (ax, ay): (f64, f64)| {
            r.iter()
                .map(|(x, y)| x * ax + y * ay)
                .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
        };
        axes.into_iter().all(|ax| {
            let (p, q) = (span(a, ax), span(b, ax));
            p.1 > q.0 + 1e-6 && q.1 > p.0 + 1e-6
        })
    }

    fn assert_no_overlap(c: &Chart, class: &str) {
        let q: Vec<Quad> = c
            .labels
            .iter()
            .filter(|l| l.class == class)
            .map(quad)
            .collect();
        for i in 0..q.len() {
            for j in i + 1..q.len() {
                assert!(!overlap(&q[i], &q[j]), "{class} labels {i} and {j} overlap");
            }
        }
    }

    fn assert_inside(c: &Chart) {
        let inside = |x: f64, y: f64, what: &str| {
            assert!(
                (0.0..=c.width).contains(&x) && (0.0..=c.height).contains(&y),
                "{what} at ({x}, {y}) outside {}×{}",
                c.width,
                c.height
            );
        };
        for b in &c.bars {
            inside(b.x, b.y, "bar");
            inside(b.x + b.w, b.y + b.h, "bar");
        }
        for l in &c.lines {
            inside(l.x1, l.y1, l.class);
            inside(l.x2, l.y2, l.class);
        }
        for l in &c.labels {
            for (x, y) in quad(l) {
                inside(x, y, &l.text);
            }
        }
        for p in &c.points {
            inside(p.x - p.r, p.y - p.r, "point");
            inside(p.x + p.r, p.y + p.r, "point");
        }
        for k in &c.legend {
            inside(k.x + 14.0 + text_w(&k.text), k.y, &k.text);
        }
    }

    fn texts<'a>(c: &'a Chart, class: &str) -> Vec<&'a str> {
        c.labels
            .iter()
            .filter(|l| l.class == class)
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn nice_ticks_use_1_2_5_steps() {
        assert_eq!(
            nice_ticks(938.0, 5),
            [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]
        );
        assert_eq!(
            nice_ticks(1000.0, 5),
            [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]
        );
        assert_eq!(
            nice_ticks(4336.0, 5),
            [0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
        );
        assert_eq!(
            nice_ticks(2400.0, 5),
            [0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0]
        );
        assert_eq!(nice_ticks(0.7, 5), [0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(nice_ticks(0.3, 3), [0.0, 0.1, 0.2, 0.3]);
        assert_eq!(nice_ticks(7.0, 1), [0.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 5), nice_ticks(1.0, 5));
        assert_eq!(nice_ticks(f64::NAN, 0), [0.0, 1.0]);
        assert_eq!(num(2500.0, 500.0), "2.500");
        assert_eq!(num(0.2, 0.2), "0,2");
        assert_eq!(num(0.15, 0.05), "0,15");
    }

    #[test]
    fn seed_scans_chart() {
        let s = seed();
        let c = scans_chart(&s, Lang::Vi).unwrap();
        assert!(!c.horizontal);
        assert_eq!(c.bars.len(), 12);
        assert!(c.bars.windows(2).all(|w| w[0].h >= w[1].h));
        assert_eq!(c.bars[0].title, "Xã Trung Hạ: 938 lượt quét");
        assert_eq!(c.bars.iter().filter(|b| b.class == "high").count(), 8);
        assert_eq!(c.bars.iter().filter(|b| b.class == "low").count(), 3);
        // Thresholds: 60% and 10% of the mean 361,33, on the bars' scale.
        let axis = c
            .lines
            .iter()
            .find(|l| l.class == "axis" && l.y1 == l.y2)
            .unwrap()
            .y1;
        let per = c.bars[0].h / 938.0;
        let at = |class| c.lines.iter().find(|l| l.class == class).unwrap().y1;
        assert!((at("threshold-high") - (axis - 216.8 * per)).abs() < 0.01);
        assert!((at("threshold-low") - (axis - 36.1333 * per)).abs() < 0.01);
        assert!(
            texts(&c, "threshold-high") == ["Cao ≥ 216,8"]
                && texts(&c, "threshold-low") == ["Thấp < 36,1"]
        );
        assert_eq!(
            texts(&c, "tick"),
            ["0", "200", "400", "600", "800", "1.000"]
        );
        let names = texts(&c, "name");
        for u in &s.units {
            assert!(names.contains(&u.name.as_str()), "{}", u.name);
        }
        assert_eq!(names[0], "Xã Trung Hạ");
        assert_no_overlap(&c, "name");
        assert_no_overlap(&c, "value");
        assert_inside(&c);
        assert_eq!(c.description, "12 đơn vị; cao nhất Xã Trung Hạ 938; ngưỡng cao 216,8, ngưỡng thấp 36,1; 8 đơn vị quét cao, 3 đơn vị quét thấp");
        let en = scans_chart(&s, Lang::En).unwrap();
        assert_eq!(en.title, "QR scans per unit");
        assert_eq!(texts(&en, "threshold-high"), ["High ≥ 216,8"]);
        assert_eq!(
            en.legend.iter().map(|k| k.class).collect::<Vec<_>>(),
            ["high", "middle", "low"]
        );
        // The seed has no installs: no rate chart, and no trend (one period).
        assert!(rate_chart(&s, Lang::Vi).is_none());
        assert!(trend_chart(&s, Indicator::Scans, Lang::Vi).is_none());
    }

    #[test]
    fn few_short_names_stay_horizontal() {
        let c = scans_chart(
            &summary("Xã,Lượt quét,Số địa điểm\nA,10,1\nB,20,2\nC,,3\n"),
            Lang::En,
        )
        .unwrap();
        assert_eq!(c.bars.len(), 2);
        assert!(c
            .labels
            .iter()
            .filter(|l| l.class == "name")
            .all(|l| l.rotate == 0.0));
        assert!(
            c.description.ends_with("; 1 units without figures"),
            "{}",
            c.description
        );
        assert_inside(&c);
        assert!(scans_chart(&summary("Xã,Lượt quét,Số địa điểm\nA,,3\n"), Lang::Vi).is_none());
    }

    fn many(n: usize, prefix: &str) -> Summary {
        let mut csv = String::from("Xã,Lượt quét\n");
        for i in 0..n {
            let _ = writeln!(csv, "{prefix}{i},{}", (i * 7919) % 1000);
        }
        summary(&csv)
    }

    #[test]
    fn many_units_turn_horizontal() {
        let c = scans_chart(&many(100, "Xã Thử Nghiệm Số "), Lang::Vi).unwrap();
        assert!(c.horizontal);
        assert_eq!(c.bars.len(), 100);
        assert!(c.height >= 100.0 * ROW && c.height < 100.0 * ROW + 200.0);
        assert!(texts(&c, "note").is_empty());
        assert_no_overlap(&c, "name");
        assert_inside(&c);

        let c = scans_chart(&many(600, "Xã Thử Nghiệm Số "), Lang::Vi).unwrap();
        assert!(c.horizontal);
        assert_eq!(c.bars.len(), 60);
        assert!(c.bars.windows(2).all(|w| w[0].w >= w[1].w));
        assert_eq!(texts(&c, "note"), ["… 540 đơn vị khác"]);
        assert!(
            c.description.contains("lược bớt 540 đơn vị khác"),
            "{}",
            c.description
        );
        assert!(c.height < 62.0 * ROW + 200.0);
        assert_no_overlap(&c, "name");
        assert_no_overlap(&c, "threshold-high");
        assert_inside(&c);
        let big = scans_chart(&many(3321, "X"), Lang::En).unwrap();
        assert_eq!(texts(&big, "note"), ["… 3.261 other units"]);
        assert_inside(&big);
    }

    #[test]
    fn rate_chart_marks_low_installers() {
        let csv = "Xã,Lượt quét,Đã cài PC-Covid,Số smartphone\nXã A,10,50,100\nXã B,10,10,100\nXã C,10,0,0\nXã D,5,40,100\n";
        let s = summary(csv);
        let c = rate_chart(&s, Lang::Vi).unwrap();
        assert_eq!(c.bars.len(), 3);
        assert_eq!(c.bars[0].title, "Xã A: 50,0% (50/100)");
        assert_eq!(
            c.bars.iter().map(|b| b.class).collect::<Vec<_>>(),
            ["rate", "rate", "low"]
        );
        assert_eq!(texts(&c, "mean"), ["Chung 33,3%"]);
        assert_eq!(texts(&c, "threshold-low"), ["Thấp < 26,6%"]);
        assert!(texts(&c, "tick").iter().all(|t| t.ends_with('%')));
        assert_inside(&c);
    }

    #[test]
    fn trend_over_two_periods() {
        let s = summary(
            "Ngày,Xã,Số địa điểm,Lượt quét\n05/11/2021,Xã A,10,100\n12/11/2021,Xã A,12,80\n",
        );
        let c = trend_chart(&s, Indicator::Scans, Lang::Vi).unwrap();
        assert_eq!(c.points.len(), 2);
        assert_eq!(c.polyline.as_ref().unwrap().len(), 2);
        assert!(texts(&c, "tick").ends_with(&["05/11", "12/11"]));
        assert_eq!(texts(&c, "value"), ["100", "80"]);
        assert!(c.points[0].y < c.points[1].y);
        assert_eq!(c.points[1].title, "Lượt quét QR, 12/11/2021: 80");
        assert_eq!(
            c.description,
            "2 kỳ; từ 100 (05/11/2021) đến 80 (12/11/2021), thay đổi -20"
        );
        assert_inside(&c);
        assert!(trend_chart(&s, Indicator::Installs, Lang::Vi).is_none());
        crate::office::xml::check_well_formed(&c.to_svg(), "trend.svg", 16).unwrap();
    }

    #[test]
    fn svg_is_well_formed_and_escaped() {
        let csv = "Xã,Lượt quét\n\"<img src=x onerror=alert(1)>\",5\nXã & Co \"B\",50\n";
        let c = scans_chart(&summary(csv), Lang::En).unwrap();
        let svg = c.to_svg();
        crate::office::xml::check_well_formed(&svg, "chart.svg", 16).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<img"));
        assert!(svg.contains(">&lt;img src=x onerror=alert(1)&gt;</text>"));
        assert!(svg.contains("Xã &amp; Co &quot;B&quot;"));
        let seed = scans_chart(&seed(), Lang::Vi).unwrap().to_svg();
        crate::office::xml::check_well_formed(&seed, "seed.svg", 16).unwrap();
        assert!(seed.contains("<title>Lượt quét QR theo đơn vị</title><desc>12 đơn vị;"));
        assert!(seed.contains("url(#hatch)") && seed.contains("transform=\"rotate(-40 "));
    }
}
