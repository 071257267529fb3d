//! Native benchmark of ingest + the COVID report's figures (the generic
//! engine, as the page computes them) on generated province-shaped files
//! (date, district, commune, four counts). Prints figures; asserts
//! nothing. `cargo run --release -p thongbao-core --example bench [rows…]`
//! Also writes the files to `target/bench/` for the browser benchmark.

use std::fmt::Write as _;
use std::time::Instant;
use thongbao_core::{engine, ingest, letter};

/// A province-shaped CSV with `rows` rows: the 3.321 communes of the
/// country (or fewer) in 111 districts, reported day after day, so a large
/// file is many report dates of the same units — as provinces send them.
pub fn province_csv(rows: usize) -> String {
    let communes = rows.clamp(1, 3321);
    let mut s = String::with_capacity(rows * 64);
    s.push_str("Ngày,Huyện,Xã,Số địa điểm,Lượt quét,Đã cài PC-Covid,Số smartphone\n");
    let start = thongbao_core::date::Date::new(2021, 7, 1)
        .map(|d| d.to_days())
        .unwrap_or(0);
    for i in 0..rows {
        let (day, u) = (i / communes, i % communes);
        let date = thongbao_core::date::Date::from_days(start + day as i64)
            .map(|d| d.dmy())
            .unwrap_or_default();
        let phones = 800 + (u * 13) % 2000;
        let _ = writeln!(
            s,
            "{date},Huyện Số {},Xã Phước Lộc {},{},{},{},{}",
            u / 30 + 1,
            u,
            5 + (u * 7) % 90 + day % 5,
            (u * 37 + day * 11) % 9000,
            phones * (10 + u % 50) / 100,
            phones
        );
    }
    s
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    let _ = std::fs::create_dir_all("target/bench");
    println!("Core, native (ingest + the COVID report's figures), release build:");
    let spec = letter::profile::covid_spec(&Default::default());
    println!(
        "{:>10} {:>10} {:>10} {:>10} {:>12} {:>14}",
        "rows", "MB", "ingest ms", "figures ms", "MB/s", "rows/s"
    );
    let mut prev: Option<(usize, f64)> = None;
    for &n in &sizes {
        let csv = province_csv(n);
        let _ = std::fs::write(format!("target/bench/province-{n}.csv"), &csv);
        let mb = csv.len() as f64 / 1e6;
        // Best of 3 (1 for the largest) to damp noise on a shared machine.
        let runs = if n >= 1_000_000 { 1 } else { 3 };
        let (mut best_i, mut best_s) = (f64::MAX, f64::MAX);
        for _ in 0..runs {
            let t = Instant::now();
            let d = ingest::read(csv.as_bytes(), "province.csv").expect("bench file reads");
            let ti = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let c = engine::compute(&d, &spec);
            let ts = t.elapsed().as_secs_f64() * 1e3;
            assert!(!c.current.units.is_empty());
            best_i = best_i.min(ti);
            best_s = best_s.min(ts);
        }
        let total = best_i + best_s;
        println!(
            "{:>10} {:>10.1} {:>10.1} {:>10.1} {:>12.1} {:>14.0}",
            n,
            mb,
            best_i,
            best_s,
            mb / (total / 1e3),
            n as f64 / (total / 1e3)
        );
        if let Some((pn, pt)) = prev {
            println!(
                "{:>10} time × {:.1} for rows × {:.0}",
                "",
                total / pt,
                n as f64 / pn as f64
            );
        }
        prev = Some((n, total));
    }
    reports();
}

/// A Đề án 06 file of `n` communes: the shape of today's 3.321-commune
/// country and of the 10.600-commune one of the older files.
fn de_an_06_csv(n: usize) -> String {
    let mut s = String::from(
        "STT,Đơn vị,Công dân thường trú,Chỉ tiêu giao,Số tài khoản đã kích hoạt mức 2,Tăng so với tuần trước\n",
    );
    for i in 0..n {
        let residents = 4000 + (i * 7919) % 60000;
        let target = residents * 6 / 10;
        let accounts = target * (5 + (i * 31) % 110) / 100;
        s.push_str(&format!(
            "{},Xã Số {i},{residents},{target},{accounts},{}\n",
            i + 1,
            i % 300
        ));
    }
    s
}

/// The generic engine: read, compute and write the letter of a report
/// definition (best of 3).
fn reports() {
    use thongbao_core::{engine, letter};
    let p = letter::profile::builtins()
        .into_iter()
        .find(|p| p.id == "de-an-06")
        .expect("built-in");
    let spec = p.report.clone().expect("a definition");
    let opts = ingest::ReadOptions {
        reports: vec![ingest::ReportHeaders {
            id: p.id.clone(),
            words: spec.header_words(),
        }],
        ..Default::default()
    };
    println!();
    println!("Reports as data (Đề án 06), native, release build:");
    println!(
        "{:>10} {:>10} {:>10} {:>12} {:>10}",
        "communes", "KB", "ingest ms", "compute ms", "letter ms"
    );
    for n in [3_321, 10_600] {
        let csv = de_an_06_csv(n);
        // For the page benchmark (tools/bench.mjs).
        let _ = std::fs::write(format!("target/bench/de-an-06-{n}.csv"), &csv);
        let (mut bi, mut bc, mut bl) = (f64::MAX, f64::MAX, f64::MAX);
        for _ in 0..3 {
            let t = Instant::now();
            let d = ingest::read_with(csv.as_bytes(), "de-an-06.csv", &opts).expect("reads");
            let ti = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let c = engine::compute(&d, &spec);
            let tc = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let l = letter::build(&c, &spec, &p.fields, &p);
            let tl = t.elapsed().as_secs_f64() * 1e3;
            assert_eq!(c.current.units.len(), n);
            assert!(!l.body.is_empty());
            bi = bi.min(ti);
            bc = bc.min(tc);
            bl = bl.min(tl);
        }
        println!(
            "{:>10} {:>10.0} {:>10.1} {:>12.1} {:>10.1}",
            n,
            csv.len() as f64 / 1024.0,
            bi,
            bc,
            bl
        );
    }
}
