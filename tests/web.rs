//! Browser tests (wasm-bindgen-test in headless Chromium): core runs the same
//! in WASM, and the mounted app shows the sample's figures.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text_of(testid: &str) -> String {
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn core_reads_the_sample_in_wasm() {
    let d = thongbao_core::ingest::read(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
    )
    .unwrap();
    let s = thongbao_core::stats::summarize(&d, &Default::default(), &Default::default());
    assert_eq!(s.unit_count, 12);
    assert_eq!(s.total(thongbao_core::model::Indicator::Scans), Some(4336));
}

#[wasm_bindgen_test]
fn core_never_panics_on_junk_in_wasm() {
    let mut x: u32 = 7;
    for n in 0..200 {
        let bytes: Vec<u8> = (0..n * 3)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as u8
            })
            .collect();
        let _ = thongbao_core::ingest::read(&bytes, "junk.csv");
    }
}

#[wasm_bindgen_test]
fn app_mounts_and_shows_the_sample() {
    leptos::mount::mount_to_body(thongbao::App);
    assert_eq!(text_of("unit-count"), "12");
    assert_eq!(text_of("total-locations"), "584");
    assert_eq!(text_of("total-scans"), "4.336");
    assert!(text_of("notice").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_message_with_a_reload_action() {
    // A panic aborts: JS sees a WebAssembly.RuntimeError out of a call.
    thongbao::browser::watch_crashes();
    js_sys::eval(
        "dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') }))",
    )
    .unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let banner = doc
        .query_selector("[data-testid='panic']")
        .unwrap()
        .unwrap();
    assert!(banner
        .text_content()
        .unwrap()
        .contains("dữ liệu đã lưu vẫn còn"));
    assert!(banner.query_selector("button").unwrap().is_some());
}

#[wasm_bindgen_test]
fn the_letter_and_docx_are_built_in_wasm() {
    let d = thongbao_core::ingest::read(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
    )
    .unwrap();
    let p = thongbao_core::letter::covid_qr();
    let m = thongbao_core::letter::sample_manual();
    let l = thongbao_core::letter::covid_letter(&d, &m, &Default::default(), &p.fields, &p);
    let bytes = thongbao_core::export::docx::write(&l);
    assert!(bytes.starts_with(b"PK"));
    assert!(l.paragraphs().iter().any(|p| p.contains("5.554/18.510")));
}
