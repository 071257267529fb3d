use std::time::Instant;
use thongbao_core::ingest::{job, ReadOptions};
fn main() {
    let n = std::env::args().nth(1).unwrap_or("100000".into());
    let bytes = std::fs::read(format!("target/bench/province-{n}.csv")).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let r = job::run(
            &[("p.csv".into(), bytes.clone())],
            &ReadOptions::default(),
            20000,
            &mut |_| {},
        );
        let t1 = t.elapsed();
        let j = job::to_json(&r);
        let t2 = t.elapsed();
        let d = job::from_json(&j).unwrap();
        let t3 = t.elapsed();
        let s = thongbao_core::stats::summarize(&d, &Default::default(), &Default::default());
        let t4 = t.elapsed();
        println!(
            "run {:?} to_json {:?} ({} KB) from_json {:?} summarize {:?} units {}",
            t1,
            t2 - t1,
            j.len() / 1024,
            t3 - t2,
            t4 - t3,
            s.unit_count
        );
    }
}
