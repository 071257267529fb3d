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

mod bars;
mod kinds;
mod report;
mod svg;
#[cfg(test)]
mod tests;

use crate::Lang;
pub use kinds::{rate_chart, scans_chart, trend_chart};
pub use report::{report_chart, report_charts, report_trend, Shown};

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
    /// Every text, the title included ([`LabelClass::Title`]).
    pub labels: Vec<Label>,
    pub polyline: Option<Vec<(f64, f64)>>,
    pub points: Vec<Point>,
    pub legend: Vec<Key>,
}

/// What a bar (or a legend swatch) shows; the SVG styles it by
/// [`BarClass::css`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarClass {
    /// A unit of the high class (scans).
    High,
    /// A unit of the middle class, or a report's figure.
    Middle,
    /// A unit of the low class, or a low installer (hatched).
    Low,
    /// A unit that could not be classed.
    Unknown,
    /// An install rate.
    Rate,
}

impl BarClass {
    /// The class attribute of the SVG.
    pub fn css(self) -> &'static str {
        match self {
            BarClass::High => "high",
            BarClass::Middle => "middle",
            BarClass::Low => "low",
            BarClass::Unknown => "unknown",
            BarClass::Rate => "rate",
        }
    }
}

/// What a line is: the axes, the grid, or a reference line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineClass {
    Axis,
    Grid,
    ThresholdHigh,
    ThresholdLow,
    /// The figure over all units.
    Mean,
}

impl LineClass {
    /// The class attribute of the SVG.
    pub fn css(self) -> &'static str {
        match self {
            LineClass::Axis => "axis",
            LineClass::Grid => "grid",
            LineClass::ThresholdHigh => "threshold-high",
            LineClass::ThresholdLow => "threshold-low",
            LineClass::Mean => "mean",
        }
    }
}

/// What a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelClass {
    Title,
    /// An axis tick.
    Tick,
    /// A unit's name.
    Name,
    /// A bar's or a point's value.
    Value,
    /// "… 540 other units".
    Note,
    /// The label of a reference line, styled like it.
    Ref(LineClass),
}

impl LabelClass {
    /// The class attribute of the SVG.
    pub fn css(self) -> &'static str {
        match self {
            LabelClass::Title => "title",
            LabelClass::Tick => "tick",
            LabelClass::Name => "name",
            LabelClass::Value => "value",
            LabelClass::Note => "note",
            LabelClass::Ref(l) => l.css(),
        }
    }
}

/// A bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub class: BarClass,
    /// Tooltip: "Xã Trung Hạ: 938 lượt quét".
    pub title: String,
}

/// A line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub class: LineClass,
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

/// A text at its baseline point.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
    pub class: LabelClass,
    /// Degrees around (x, y), e.g. -40 for long unit names.
    pub rotate: f64,
}

/// A marker of the trend line (class "point" in the SVG).
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub title: String,
}

/// A legend entry: a 10×10 swatch styled like a bar of `class` with its top
/// left at (x, y − 9), and `text` at (x + 14, y).
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub x: f64,
    pub y: f64,
    pub class: BarClass,
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

fn label(x: f64, y: f64, text: impl Into<String>, anchor: Anchor, class: LabelClass) -> Label {
    Label {
        x,
        y,
        text: text.into(),
        anchor,
        class,
        rotate: 0.0,
    }
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: LineClass, dashed: bool) -> Line {
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
        let labels = vec![label(
            8.0,
            20.0,
            title.clone(),
            Anchor::Start,
            LabelClass::Title,
        )];
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
    fn keys(&mut self, y: f64, keys: &[(BarClass, &str)]) -> f64 {
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
                self.lines
                    .push(line(left, y, right, y, LineClass::Grid, false));
            }
            self.labels.push(label(
                left - 6.0,
                y + 4.0,
                num(t, step) + suffix,
                Anchor::End,
                LabelClass::Tick,
            ));
        }
        self.lines
            .push(line(left, top, left, axis, LineClass::Axis, false));
        self.lines
            .push(line(left, axis, right, axis, LineClass::Axis, false));
    }
}
