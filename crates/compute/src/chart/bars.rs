//! Per-unit bars: vertical for a few units, horizontal for many, with the
//! reference lines across them.

use super::*;

/// One unit's bar before layout.
pub(super) struct Item<'a> {
    pub(super) name: &'a str,
    pub(super) value: f64,
    pub(super) text: String,
    pub(super) class: BarClass,
    pub(super) tip: String,
}

/// A labelled reference line (threshold, overall rate).
pub(super) struct Ref {
    pub(super) value: f64,
    pub(super) class: LineClass,
    pub(super) text: String,
    pub(super) dashed: bool,
}

pub(super) fn sort_desc(items: &mut [Item]) {
    thongbao_model::order::sort_by(items, |a, b| b.value.total_cmp(&a.value)); // stable: ties in file order
}

/// Lays out per-unit bars (sorted descending), vertical for a few units,
/// horizontal for many, the reference lines across them, and the legend
/// `keys` (class, text) of the classes drawn.
pub(super) fn per_unit(
    mut c: Chart,
    mut items: Vec<Item>,
    refs: &[Ref],
    keys: &[(BarClass, &str)],
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
    let step = ticks[1];
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
    let cos = ROT.to_radians().cos();
    if rotate {
        // The first name's far end, cx + 4 − w·cos, stays at x ≥ 2.
        let w0 = text_w(&names[0]);
        let half = 1.0 / (2.0 * n);
        left = left.max((w0 * cos - 6.0 - (WIDTH - right) * half) / (1.0 - half));
        slot = (WIDTH - left - right) / n;
    }
    c.horizontal = items.len() > MAX_VERTICAL || slot < 24.0;
    let frame = Frame {
        items,
        names,
        name_w,
        ticks,
        y0,
        omitted,
    };
    if c.horizontal {
        horizontal(c, &frame, refs, suffix, lang)
    } else {
        vertical(c, &frame, refs, suffix, (left, slot, rotate))
    }
}

/// What both layouts share: the bars (drawn ones), their shortened names,
/// the ticks, the first free baseline below the legend, and how many bars
/// were left out in the middle.
struct Frame<'a> {
    items: Vec<Item<'a>>,
    names: Vec<String>,
    name_w: f64,
    ticks: Vec<f64>,
    y0: f64,
    omitted: usize,
}

/// Vertical bars, names under them (rotated when `rotate`), reference
/// labels in the right margin; `(left, slot, rotate)` from the fit.
fn vertical(mut c: Chart, f: &Frame, refs: &[Ref], suffix: &str, fit: (f64, f64, bool)) -> Chart {
    let (left, slot, rotate) = fit;
    let (ticks, y0, name_w) = (&f.ticks, f.y0, f.name_w);
    let top_v = ticks[ticks.len() - 1];
    let (sin, _) = ROT.to_radians().sin_cos();
    let right = refs
        .iter()
        .map(|r| bold_w(&r.text) + 12.0)
        .fold(16.0, f64::max);
    let items = &f.items;
    let names = f.names.iter().cloned();
    let (top, plot_r) = (y0 + 8.0, WIDTH - right);
    let axis = top + PLOT_H;
    let k = PLOT_H / top_v;
    c.y_axis(ticks, suffix, left, plot_r, top, axis);
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
                LabelClass::Value,
            ));
        }
        c.labels.push(if rotate {
            Label {
                rotate: ROT,
                ..label(cx + 4.0, axis + 12.0, name, Anchor::End, LabelClass::Name)
            }
        } else {
            label(cx, axis + 16.0, name, Anchor::Middle, LabelClass::Name)
        });
    }
    // Reference labels in the right margin, pushed apart by a line height.
    let mut ys: Vec<(f64, usize)> = refs
        .iter()
        .enumerate()
        .map(|(j, r)| (axis - r.value * k, j))
        .collect();
    thongbao_model::order::sort_by(&mut ys, |a, b| a.0.total_cmp(&b.0));
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
            LabelClass::Ref(r.class),
        ));
    }
    c.height = (axis
        + if rotate {
            12.0 - name_w * sin + 12.0
        } else {
            28.0
        })
    .max(prev + 8.0);
    c
}

/// Horizontal bars: names left, values after the bars, reference labels in
/// header rows, a note where bars were left out.
fn horizontal(mut c: Chart, f: &Frame, refs: &[Ref], suffix: &str, lang: Lang) -> Chart {
    let (ticks, y0, name_w, omitted) = (&f.ticks, f.y0, f.name_w, f.omitted);
    let (step, top_v) = (ticks[1], ticks[ticks.len() - 1]);
    let items = &f.items;
    let names = f.names.iter().cloned();
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
            c.labels.push(label(
                8.0,
                row + 16.0,
                note,
                Anchor::Start,
                LabelClass::Note,
            ));
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
        c.labels.push(label(
            left - 6.0,
            row + 13.0,
            name,
            Anchor::End,
            LabelClass::Name,
        ));
        c.labels.push(label(
            left + w + 4.0,
            row + 13.0,
            it.text.clone(),
            Anchor::Start,
            LabelClass::Value,
        ));
        row += ROW;
    }
    let bottom = row;
    for &t in ticks {
        let x = left + t * k;
        if t > 0.0 {
            c.lines
                .push(line(x, top, x, bottom, LineClass::Grid, false));
        }
        for ty in [tick_y, bottom + 16.0] {
            c.labels.push(label(
                x,
                ty,
                num(t, step) + suffix,
                Anchor::Middle,
                LabelClass::Tick,
            ));
        }
    }
    c.lines
        .push(line(left, top, left, bottom, LineClass::Axis, false));
    for (r, ty) in refs.iter().zip(ref_rows) {
        let x = left + r.value * k;
        c.lines.push(line(x, top, x, bottom, r.class, r.dashed));
        let half = bold_w(&r.text) / 2.0;
        let tx = x.clamp(half + 4.0, WIDTH - half - 4.0);
        c.labels.push(label(
            tx,
            ty,
            r.text.clone(),
            Anchor::Middle,
            LabelClass::Ref(r.class),
        ));
    }
    c.height = bottom + 24.0;
    c
}
