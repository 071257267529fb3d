//! A chart as a standalone SVG document.

use super::*;
use std::fmt::Write;

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

/// A coordinate with at most one decimal, in tenths: written as the float
/// printer writes `(x·10).round() / 10` ("12", "12.5", "-3", "0"), without
/// linking it (ARCHITECTURE.md, "Size").
#[derive(Clone, Copy)]
struct Coord(i64);

impl std::fmt::Display for Coord {
    fn fmt(&self, o: &mut std::fmt::Formatter) -> std::fmt::Result {
        let (t, sign) = (self.0.unsigned_abs(), if self.0 < 0 { "-" } else { "" });
        match t % 10 {
            0 => write!(o, "{sign}{}", t / 10),
            d => write!(o, "{sign}{}.{d}", t / 10),
        }
    }
}

fn f(x: f64) -> Coord {
    let t = (x * 10.0).round();
    Coord(if t.is_finite() { t as i64 } else { 0 })
}

fn esc(o: &mut String, s: &str) {
    crate::escape::escape_into(o, s);
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
            for l in self
                .lines
                .iter()
                .filter(|l| (l.class == LineClass::Grid) == grid)
            {
                let _ = write!(
                    o,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"",
                    f(l.x1),
                    f(l.y1),
                    f(l.x2),
                    f(l.y2),
                    l.class.css()
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
                b.class.css()
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
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"point\"><title>",
                f(p.x),
                f(p.y),
                f(p.r)
            );
            esc(&mut o, &p.title);
            o.push_str("</title></circle>");
        }
        for k in &self.legend {
            let _ = write!(o, "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" class=\"{}\"/><text x=\"{}\" y=\"{}\">", f(k.x), f(k.y - 9.0), k.class.css(), f(k.x + 14.0), f(k.y));
            esc(&mut o, &k.text);
            o.push_str("</text>");
        }
        for l in &self.labels {
            let (x, y) = (f(l.x), f(l.y));
            let _ = write!(o, "<text x=\"{x}\" y=\"{y}\" class=\"{}\"", l.class.css());
            if l.anchor != Anchor::Start {
                let _ = write!(o, " text-anchor=\"{}\"", l.anchor.as_str());
            }
            if l.rotate != 0.0 {
                let _ = write!(o, " transform=\"rotate({} {x} {y})\"", f(l.rotate));
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
#[test]
fn coordinates_print_as_the_float_printer_would() {
    for x in [
        0.0, -0.0, 0.04, 0.05, 12.0, 12.46, -3.0, -3.25, 399.99, 1234.5, -0.04,
    ] {
        let want = format!("{}", (x * 10.0_f64).round() / 10.0 + 0.0);
        assert_eq!(f(x).to_string(), want, "{x}");
    }
}
