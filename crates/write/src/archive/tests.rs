use super::*;
use crate::office::{read_zip, ZipWriter};
use proptest::prelude::*;

fn sample_inputs() -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "tuần 12/2021.csv".into(),
            crate::SAMPLE_CSV.as_bytes().to_vec(),
        ),
        // Binary bytes (not UTF-8, zeros): kept byte for byte.
        (
            "phụ lục.xlsx".into(),
            (0..=255u8).cycle().take(3000).collect(),
        ),
    ]
}

fn work() -> Saved {
    let mut w = Saved::default();
    w.fields.number = "2100".into();
    w.fields.signer = "Lò Văn Bình".into();
    w
}

fn meta() -> Meta {
    let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), "mau.csv").unwrap();
    let spec = crate::letter::profile::covid_spec(&Default::default());
    let c = crate::engine::compute_with(&d, &spec, &crate::letter::sample_manual().typed());
    Meta {
        app_version: "0.1.0".into(),
        made: "2021-11-16T09:30:00+07:00".into(),
        report_date: Date::new(2021, 11, 16),
        read_options: ReadOptions {
            sheet: Some(1),
            ..Default::default()
        },
        totals: report_totals(&c, &spec),
        letter_name: "cong-van-2100-UBND-VHTT.docx".into(),
        table_name: "so-lieu-2021-11-16.xlsx".into(),
    }
}

fn build_sample() -> Vec<u8> {
    build(
        &sample_inputs(),
        b"PK docx bytes",
        b"PK xlsx bytes",
        &crate::letter::covid_qr().to_json(),
        &work().to_json(),
        &meta(),
    )
}

#[test]
fn round_trip() {
    let zip = build_sample();
    assert!(is_archive(&zip));
    let o = open(&zip).unwrap();
    assert_eq!(o.inputs, sample_inputs());
    assert_eq!(o.read_options().sheet, Some(1));
    assert_eq!(o.profile, crate::letter::covid_qr());
    assert_eq!(o.work, work());
    let m = &o.manifest;
    assert_eq!((m.kind.as_str(), m.version), (KIND, VERSION));
    assert_eq!(m.made, "2021-11-16T09:30:00+07:00");
    assert_eq!(m.report_date.as_deref(), Some("2021-11-16"));
    assert_eq!(m.report_date_text().as_deref(), Some("16/11/2021"));
    assert_eq!(m.totals, meta().totals);
    let scans = m.totals.iter().find(|t| t.id == "scans").unwrap();
    assert_eq!(scans.shown, format::int(scans.value));
    let paths: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "so-lieu/tuần 12_2021.csv",
            "so-lieu/phụ lục.xlsx",
            "cong-van-2100-UBND-VHTT.docx",
            "so-lieu-2021-11-16.xlsx",
            PROFILE_PATH,
            WORK_PATH,
        ]
    );
    // The same work gives the same bytes (the zip has a fixed timestamp).
    assert_eq!(build_sample(), zip);
}

/// Every listed hash is the SHA-256 of the entry, checked by `sha256sum`
/// when installed (an independent implementation), else by our own hash of
/// the entries read back with the plain zip reader.
#[test]
fn manifest_hashes_match_the_entries() {
    let zip = build_sample();
    let entries = read_zip(&zip, &Limits::default()).unwrap();
    let text = &entries.iter().find(|(n, _)| n == MANIFEST).unwrap().1;
    let manifest: Manifest = crate::json::parse(std::str::from_utf8(text).unwrap()).unwrap();
    assert_eq!(entries.len(), manifest.files.len() + 2);
    for f in &manifest.files {
        let data = &entries.iter().find(|(n, _)| *n == f.path).unwrap().1;
        assert_eq!(f.size, data.len() as u64);
        assert_eq!(f.sha256, sha256::hex(data));
        if let Some(theirs) = sha256sum(data) {
            assert_eq!(f.sha256, theirs, "{}", f.path);
        }
    }
    let txt = String::from_utf8(
        entries
            .iter()
            .find(|(n, _)| n == MANIFEST_TXT)
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(txt.contains("Ngày báo cáo: 16/11/2021"), "{txt}");
    assert!(txt.contains("tên gốc «tuần 12/2021.csv»"), "{txt}");
    for f in &manifest.files {
        assert!(
            txt.contains(&format!("{}  {}\n", f.sha256, f.path)),
            "{txt}"
        );
    }
}

fn sha256sum(data: &[u8]) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(data).ok()?;
    let out = child.wait_with_output().ok()?;
    Some(
        String::from_utf8(out.stdout)
            .ok()?
            .split_whitespace()
            .next()?
            .to_string(),
    )
}

/// The archive's entries again, with `change` applied to one of them (the
/// zip itself is valid: a new CRC).
fn rewritten(zip: &[u8], path: &str, change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let mut w = ZipWriter::new();
    for (name, mut data) in read_zip(zip, &Limits::default()).unwrap() {
        if name == path {
            change(&mut data);
        }
        w.add(&name, &data);
    }
    w.finish()
}

#[test]
fn a_changed_file_is_refused_by_name() {
    let zip = build_sample();
    let csv = "so-lieu/tuần 12_2021.csv";
    // One figure changed, same length.
    let tampered = rewritten(&zip, csv, |d| {
        let at = d.iter().rposition(|b| b.is_ascii_digit()).unwrap();
        d[at] = if d[at] == b'9' { b'8' } else { d[at] + 1 };
    });
    let e = open(&tampered).unwrap_err();
    assert_eq!(e, ArchiveError::Mismatch(csv.into()));
    assert!(e.message(Lang::Vi).contains(csv));
    assert!(e.message(Lang::En).contains(csv));
    // A longer file, the letter changed, the work changed: all refused.
    assert_eq!(
        open(&rewritten(&zip, csv, |d| d.push(b'\n'))).unwrap_err(),
        ArchiveError::Mismatch(csv.into())
    );
    let docx = "cong-van-2100-UBND-VHTT.docx";
    assert_eq!(
        open(&rewritten(&zip, docx, |d| d[0] = b'X')).unwrap_err(),
        ArchiveError::Mismatch(docx.into())
    );
    assert_eq!(
        open(&rewritten(&zip, WORK_PATH, |d| d[1] = b' ')).unwrap_err(),
        ArchiveError::Mismatch(WORK_PATH.into())
    );
    // A byte of the stored data flipped in place (the CRC no longer fits):
    // still refused, never a panic.
    let mut flipped = zip.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x55;
    assert!(open(&flipped).is_err());
}

#[test]
fn a_missing_file_is_named() {
    let zip = build_sample();
    let mut w = ZipWriter::new();
    for (name, data) in read_zip(&zip, &Limits::default()).unwrap() {
        if name != "so-lieu/phụ lục.xlsx" {
            w.add(&name, &data);
        }
    }
    assert_eq!(
        open(&w.finish()).unwrap_err(),
        ArchiveError::Missing("so-lieu/phụ lục.xlsx".into())
    );
}

#[test]
fn newer_and_damaged_manifests() {
    let zip = build_sample();
    let newer = rewritten(&zip, MANIFEST, |d| {
        let s = String::from_utf8(d.clone())
            .unwrap()
            .replace("\"version\": 1", "\"version\": 9");
        *d = s.into_bytes();
    });
    assert_eq!(open(&newer).unwrap_err(), ArchiveError::TooNew(9));
    let bad = rewritten(&zip, MANIFEST, |d| {
        let s = String::from_utf8(d.clone())
            .unwrap()
            .replace("\"files\"", "\"fils\"");
        *d = s.into_bytes();
    });
    let e = open(&bad).unwrap_err();
    assert!(matches!(e, ArchiveError::Manifest(_)));
    // What the manifest lacks, in the page's language only.
    assert!(
        e.message(Lang::En).contains("(missing field «files»)"),
        "{}",
        e.message(Lang::En)
    );
    assert!(!e.message(Lang::En).contains("thiếu"));
    assert!(e.message(Lang::Vi).contains("thiếu trường «files»"));

    assert!(!e.message(Lang::Vi).contains("line"));
}

#[test]
fn a_broken_profile_or_work_says_where_in_the_page_language() {
    let inputs = vec![("a.csv".to_string(), b"Xa,Scans\nA,1\n".to_vec())];
    let profile = crate::letter::covid_qr().to_json();
    let e = open(&build(&inputs, b"d", b"x", "{nope", "{}", &meta())).unwrap_err();
    assert!(
        matches!(
            &e,
            ArchiveError::Part {
                fault: PartFault::Profile(ProfileError::Json { .. }),
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.message(Lang::En),
        "“ho-so-bao-cao.json” in the archive cannot be read: line 1, column 2: not valid JSON. Nothing was changed."
    );
    assert_eq!(
        e.message(Lang::Vi),
        "Không đọc được «ho-so-bao-cao.json» trong hồ sơ lưu: dòng 1, cột 2: sai cú pháp JSON. Không có gì thay đổi."
    );
    let e = open(&build(&inputs, b"d", b"x", &profile, "[", &meta())).unwrap_err();
    assert!(
        matches!(
            &e,
            ArchiveError::Part {
                fault: PartFault::Work(RestoreError::Corrupt(_)),
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.message(Lang::En),
        "“cong-viec.json” in the archive cannot be read: line 1, column 1: the file ends too early. Nothing was changed."
    );
}

#[test]
fn other_files_are_not_archives() {
    // A workbook, a CSV, an empty zip, a zip with someone else's manifest.json.
    let xlsx = crate::export::table::to_xlsx(&[]);
    let mut other = ZipWriter::new();
    other.add("manifest.json", br#"{"kind":"web-extension","version":2}"#);
    let mut broken_json = ZipWriter::new();
    broken_json.add("manifest.json", b"{nope");
    for bytes in [
        xlsx,
        crate::SAMPLE_CSV.as_bytes().to_vec(),
        ZipWriter::new().finish(),
        other.finish(),
        broken_json.finish(),
        Vec::new(),
        b"PK\x03\x04".to_vec(),
    ] {
        assert!(!is_archive(&bytes));
        assert_eq!(open(&bytes).unwrap_err(), ArchiveError::NotArchive);
    }
}

#[test]
fn same_input_names_get_their_own_paths() {
    let inputs = vec![
        ("a.csv".to_string(), b"1".to_vec()),
        ("A.csv".to_string(), b"2".to_vec()),
        ("../..".to_string(), b"3".to_vec()),
    ];
    let zip = build(
        &inputs,
        b"d",
        b"x",
        &crate::letter::covid_qr().to_json(),
        "{}",
        &meta(),
    );
    let o = open(&zip).unwrap();
    assert_eq!(o.inputs, inputs);
    let paths: Vec<&str> = o.manifest.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        &paths[..3],
        ["so-lieu/a.csv", "so-lieu/2-A.csv", "so-lieu/.._.."]
    );
}

#[test]
fn every_truncation_and_flip_is_an_error_or_the_archive() {
    let zip = build(
        &[("a.csv".into(), b"Xa,Scans\nA,1\n".to_vec())],
        b"d",
        b"x",
        &crate::letter::covid_qr().to_json(),
        "{}",
        &meta(),
    );
    for n in 0..zip.len() {
        let _ = open(&zip[..n]);
    }
    for i in (0..zip.len()).step_by(3) {
        let mut z = zip.clone();
        z[i] ^= 0xA5;
        if let Ok(o) = open(&z) {
            // A flip that leaves it readable (e.g. in a header field not
            // checked) must still give the same files.
            assert_eq!(
                o.inputs,
                vec![("a.csv".into(), b"Xa,Scans\nA,1\n".to_vec())]
            );
        }
    }
}

#[test]
fn messages_in_both_languages() {
    for e in [
        ArchiveError::NotArchive,
        ArchiveError::Damaged(ZipError::NotZip),
        ArchiveError::Manifest(crate::json::JsonError::Syntax(crate::JsonPlace {
            line: 1,
            column: 2,
            fault: crate::JsonFault::Syntax,
        })),
        ArchiveError::TooNew(2),
        ArchiveError::Missing("x".into()),
        ArchiveError::Mismatch("x".into()),
        ArchiveError::Part {
            name: "x".into(),
            fault: PartFault::Profile(ProfileError::Newer { version: 3 }),
        },
        ArchiveError::Part {
            name: "x".into(),
            fault: PartFault::Work(RestoreError::TooNew(3)),
        },
        ArchiveError::NoInputs,
        ArchiveError::Unreadable(crate::ingest::IngestError::Empty {
            file: "a.csv".into(),
        }),
    ] {
        let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en);
        assert_eq!(e.to_string(), vi);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn junk_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = open(&bytes);
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend_from_slice(&bytes);
        let _ = open(&zipish);
        prop_assert!(!is_archive(&bytes) || open(&bytes).is_err() || open(&bytes).is_ok());
    }
}
