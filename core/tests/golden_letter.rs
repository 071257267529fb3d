//! The built-in sample must reproduce the seed letter (công văn
//! 2092/UBND-VHTT, Quan Sơn, 16/11/2021) paragraph by paragraph, as in our
//! transcription `data/notice-quan-son-2021-11-16.md`.

use thongbao_core::letter::{covid_letter, covid_qr, sample_manual};
use thongbao_core::stats::Settings;
use thongbao_core::{ingest, SAMPLE_CSV, SAMPLE_NAME};

/// Paragraphs of the transcription's body: from "Kính gửi:" to the
/// signature table. Wrapped lines are joined; "- " items are paragraphs.
fn seed_paragraphs() -> Vec<String> {
    let md = include_str!("data/notice-quan-son-2021-11-16.md");
    let start = md.find("Kính gửi:").expect("Kính gửi in seed");
    let end = md[start..].find("| |").expect("signature table") + start;
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let t = cur.replace("**", "").trim().to_string();
        if !t.is_empty() {
            paras.push(t);
        }
        cur.clear();
    };
    for line in md[start..end].lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            flush(&mut cur, &mut paras);
        } else if l.starts_with("- ") || l == "Kính gửi:" {
            flush(&mut cur, &mut paras);
            cur.push_str(l);
            if l == "Kính gửi:" {
                flush(&mut cur, &mut paras);
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(l.trim());
        }
    }
    flush(&mut cur, &mut paras);
    paras
}

fn sample_letter() -> thongbao_core::letter::Letter {
    let data = ingest::read(SAMPLE_CSV.as_bytes(), SAMPLE_NAME).expect("sample reads");
    let p = covid_qr();
    covid_letter(&data, &sample_manual(), &Settings::default(), &p.fields, &p)
}

#[test]
fn body_matches_the_seed_paragraph_by_paragraph() {
    let want = seed_paragraphs();
    let got = sample_letter().paragraphs();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "paragraph {i} differs");
    }
    assert_eq!(got.len(), want.len(), "number of paragraphs");
}

#[test]
fn header_signature_and_appendix_match_the_seed() {
    let l = sample_letter();
    assert_eq!(l.issuer, ["ỦY BAN NHÂN DÂN", "HUYỆN QUAN SƠN"]);
    assert_eq!(l.national_title, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(l.motto, "Độc lập - Tự do - Hạnh phúc");
    assert_eq!(l.number_line, "Số: 2092/UBND-VHTT");
    assert_eq!(
        l.subject,
        "V/v thông báo kết quả ứng dụng CNTT phòng chống dịch Covid-19 trên địa bàn huyện tính đến 12/11/2021"
    );
    assert_eq!(l.place_date, "Quan Sơn, ngày 16 tháng 11 năm 2021");
    assert_eq!(
        l.noi_nhan,
        [
            "- Như trên;",
            "- Thường trực Huyện ủy;",
            "- Chủ tịch và các PCT UBND huyện;",
            "- Lưu: VT, VHTT."
        ]
    );
    assert_eq!(l.authority, "KT. CHỦ TỊCH");
    assert_eq!(l.title, "PHÓ CHỦ TỊCH");
    assert_eq!(
        l.appendix.title,
        "DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR NGÀY 12/11/2021"
    );
    assert_eq!(
        l.appendix.note,
        "(Kèm theo Công văn số 2092/UBND-VHTT ngày 16/11/2021 của UBND huyện Quan Sơn)"
    );
    assert_eq!(
        l.appendix.columns,
        [
            "STT",
            "Huyện",
            "Thị trấn/xã",
            "Tổng số địa điểm tạo mã QR",
            "Tổng lượt quét QR"
        ]
    );
    assert_eq!(l.appendix.rows.len(), 12);
    assert_eq!(
        l.appendix.rows[0],
        ["1", "Huyện Quan Sơn", "Xã Trung Xuân", "58", "189"]
    );
    assert_eq!(l.appendix.total, ["", "", "Tổng cộng", "584", "4.336"]);
    assert_eq!(l.file_stem, "cong-van-2092-UBND-VHTT-2021-11-16");
}

/// The same letter from the COVID report as data (`covid-qr.json`) on the
/// generic engine, with the same typed figures: the seed's installs and
/// smartphones, its previous report, and its three low installers.
fn sample_letter_as_data() -> thongbao_core::letter::Letter {
    letter_as_data(&sample_manual().typed(), true)
}

fn letter_as_data(
    typed: &thongbao_core::engine::Typed,
    seed: bool,
) -> thongbao_core::letter::Letter {
    use thongbao_core::engine;
    use thongbao_core::ingest::{ReadOptions, ReportHeaders};
    use thongbao_core::letter::{build, profile, Profile};
    let p = Profile::from_json(profile::COVID_QR_JSON).expect("covid-qr.json reads");
    let spec = p.report.clone().expect("a definition");
    let opts = ReadOptions {
        reports: vec![ReportHeaders {
            id: p.id.clone(),
            words: spec.header_words(),
        }],
        active_report: Some(p.id.clone()),
        ..ReadOptions::default()
    };
    let data = ingest::read_with(SAMPLE_CSV.as_bytes(), SAMPLE_NAME, &opts).expect("sample reads");
    assert_eq!(data.sources[0].report.as_deref(), Some(p.id.as_str()));
    let c = engine::compute_with(&data, &spec, typed);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    if !seed {
        return build(&c, &spec, &p.fields, &p);
    }
    // The letter's own rate, 30,1 %, is not 5.554/18.510 = 30,0 %: the
    // page says so (the typed totals are the figures, nothing to check).
    let ds = engine::discrepancies(&c, typed);
    let d: Vec<_> = ds
        .iter()
        .map(|d| {
            let f = &c.figures[d.figure];
            (f.id.as_str(), f.text(d.typed), f.text(d.computed))
        })
        .collect();
    assert_eq!(d, [("rate", "30,1%".to_string(), "30,0%".to_string())]);
    // Installs and smartphones are typed; only the population is absent.
    assert_eq!(c.missing_columns, ["population"]);
    build(&c, &spec, &p.fields, &p)
}

#[test]
fn the_report_as_data_writes_the_seed_letter() {
    let want = seed_paragraphs();
    let got = sample_letter_as_data().paragraphs();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "paragraph {i} differs");
    }
    assert_eq!(got.len(), want.len(), "number of paragraphs");
    // Everything around the body, and the appendix, as the COVID path
    // writes it: the installs and smartphones, typed as totals only, have
    // no column.
    let (a, b) = (sample_letter_as_data(), sample_letter());
    assert_eq!(a.subject, b.subject);
    assert_eq!(a.number_line, b.number_line);
    assert_eq!(a.place_date, b.place_date);
    assert_eq!(a.noi_nhan, b.noi_nhan);
    assert_eq!(a.appendix, b.appendix);
    assert_eq!(a.file_stem, b.file_stem);
    assert!(a.missing.is_empty(), "{:?}", a.missing);
}

#[test]
fn a_change_without_the_previous_date_keeps_a_blank_and_says_so() {
    use thongbao_core::letter::Missing;
    let mut typed = sample_manual().typed();
    if let Some(prev) = &mut typed.previous {
        prev.date = None;
    }
    let l = letter_as_data(&typed, false);
    let text = l.paragraphs().join("\n");
    assert!(
        text.contains("(tăng 58 địa điểm quét mã QR so với ngày …/…)"),
        "{text}"
    );
    assert!(
        l.missing.contains(&Missing::PreviousDate),
        "{:?}",
        l.missing
    );
}

/// A COVID profile kept in the first form (saved work and offices' files
/// before the report was data; this file is the form as the app wrote it
/// until 2026-12): old placeholder names (`{scans_change}`,
/// `{high_units:short}`, `({low_units})` in section 3), change phrases and
/// appendix labels per indicator, no definition. It still writes the seed
/// letter, paragraph by paragraph, with the same appendix.
#[test]
fn a_profile_of_the_first_form_writes_the_seed_letter() {
    use thongbao_core::letter::Profile;
    let old = include_str!("data/profile-covid-first-form.json");
    let p = Profile::from_json(old).expect("the first form reads");
    assert!(p.section1.contains("{scans_change}"));
    assert!(p.fields.section3.contains("({low_units})"));
    assert_eq!(p.report, covid_qr().report, "the COVID report's definition");
    let data = ingest::read(SAMPLE_CSV.as_bytes(), SAMPLE_NAME).expect("sample reads");
    let l = covid_letter(&data, &sample_manual(), &Settings::default(), &p.fields, &p);
    let seed = sample_letter();
    assert_eq!(l.paragraphs(), seed.paragraphs());
    assert_eq!(l.appendix, seed.appendix);
    assert!(l.missing.is_empty(), "{:?}", l.missing);
}
