//! Chart layout tests.

use std::fmt::Write;

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
    let w = l.text.chars().count() as f64
        * if l.class == LabelClass::Title {
            9.0
        } else {
            CHAR_W
        };
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

fn assert_no_overlap(c: &Chart, class: LabelClass) {
    let q: Vec<Quad> = c
        .labels
        .iter()
        .filter(|l| l.class == class)
        .map(quad)
        .collect();
    for i in 0..q.len() {
        for j in i + 1..q.len() {
            assert!(
                !overlap(&q[i], &q[j]),
                "{} labels {i} and {j} overlap",
                class.css()
            );
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
        inside(l.x1, l.y1, l.class.css());
        inside(l.x2, l.y2, l.class.css());
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

fn texts(c: &Chart, class: LabelClass) -> Vec<&str> {
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

/// The labels of the threshold lines.
const HIGH: LabelClass = LabelClass::Ref(LineClass::ThresholdHigh);
const LOW: LabelClass = LabelClass::Ref(LineClass::ThresholdLow);

#[test]
fn seed_scans_chart() {
    let s = seed();
    let c = scans_chart(&s, Lang::Vi).unwrap();
    assert!(!c.horizontal);
    assert_eq!(c.bars.len(), 12);
    assert!(c.bars.windows(2).all(|w| w[0].h >= w[1].h));
    assert_eq!(c.bars[0].title, "Xã Trung Hạ: 938 lượt quét");
    assert_eq!(
        c.bars.iter().filter(|b| b.class == BarClass::High).count(),
        8
    );
    assert_eq!(
        c.bars.iter().filter(|b| b.class == BarClass::Low).count(),
        3
    );
    // Thresholds: 60% and 10% of the mean 361,33, on the bars' scale.
    let axis = c
        .lines
        .iter()
        .find(|l| l.class == LineClass::Axis && l.y1 == l.y2)
        .unwrap()
        .y1;
    let per = c.bars[0].h / 938.0;
    let at = |class| c.lines.iter().find(|l| l.class == class).unwrap().y1;
    assert!((at(LineClass::ThresholdHigh) - (axis - 216.8 * per)).abs() < 0.01);
    assert!((at(LineClass::ThresholdLow) - (axis - 36.1333 * per)).abs() < 0.01);
    assert!(texts(&c, HIGH) == ["Cao ≥ 216,8"] && texts(&c, LOW) == ["Thấp < 36,1"]);
    assert_eq!(
        texts(&c, LabelClass::Tick),
        ["0", "200", "400", "600", "800", "1.000"]
    );
    let names = texts(&c, LabelClass::Name);
    for u in &s.units {
        assert!(names.contains(&u.name.as_str()), "{}", u.name);
    }
    assert_eq!(names[0], "Xã Trung Hạ");
    assert_no_overlap(&c, LabelClass::Name);
    assert_no_overlap(&c, LabelClass::Value);
    assert_inside(&c);
    assert_eq!(c.description, "12 đơn vị; cao nhất Xã Trung Hạ 938; ngưỡng cao 216,8, ngưỡng thấp 36,1; 8 đơn vị quét cao, 3 đơn vị quét thấp");
    let en = scans_chart(&s, Lang::En).unwrap();
    assert_eq!(en.title, "QR scans per unit");
    assert_eq!(texts(&en, HIGH), ["High ≥ 216,8"]);
    assert_eq!(
        en.legend.iter().map(|k| k.class).collect::<Vec<_>>(),
        [BarClass::High, BarClass::Middle, BarClass::Low]
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
        .filter(|l| l.class == LabelClass::Name)
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
    assert!(texts(&c, LabelClass::Note).is_empty());
    assert_no_overlap(&c, LabelClass::Name);
    assert_inside(&c);

    let c = scans_chart(&many(600, "Xã Thử Nghiệm Số "), Lang::Vi).unwrap();
    assert!(c.horizontal);
    assert_eq!(c.bars.len(), 60);
    assert!(c.bars.windows(2).all(|w| w[0].w >= w[1].w));
    assert_eq!(texts(&c, LabelClass::Note), ["… 540 đơn vị khác"]);
    assert!(
        c.description.contains("lược bớt 540 đơn vị khác"),
        "{}",
        c.description
    );
    assert!(c.height < 62.0 * ROW + 200.0);
    assert_no_overlap(&c, LabelClass::Name);
    assert_no_overlap(&c, HIGH);
    assert_inside(&c);
    let big = scans_chart(&many(3321, "X"), Lang::En).unwrap();
    assert_eq!(texts(&big, LabelClass::Note), ["… 3.261 other units"]);
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
        [BarClass::Rate, BarClass::Rate, BarClass::Low]
    );
    assert_eq!(texts(&c, LabelClass::Ref(LineClass::Mean)), ["Chung 33,3%"]);
    assert_eq!(texts(&c, LOW), ["Thấp < 26,6%"]);
    assert!(texts(&c, LabelClass::Tick).iter().all(|t| t.ends_with('%')));
    assert_inside(&c);
}

#[test]
fn trend_over_two_periods() {
    let s =
        summary("Ngày,Xã,Số địa điểm,Lượt quét\n05/11/2021,Xã A,10,100\n12/11/2021,Xã A,12,80\n");
    let c = trend_chart(&s, Indicator::Scans, Lang::Vi).unwrap();
    assert_eq!(c.points.len(), 2);
    assert_eq!(c.polyline.as_ref().unwrap().len(), 2);
    assert!(texts(&c, LabelClass::Tick).ends_with(&["05/11", "12/11"]));
    assert_eq!(texts(&c, LabelClass::Value), ["100", "80"]);
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
