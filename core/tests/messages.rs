//! Every message the page can show about input, in both languages: every
//! row-issue kind, every ingest error (the workbook errors have their own
//! test in `thongbao-read`, `every_office_error_in_both_languages`), every
//! discrepancy and every gap of the letter. The English text has no
//! Vietnamese letter outside the file names and values it quotes; the
//! Vietnamese text is not the English one.
//!
//! The `match`es without a wildcard make a new variant a compile error here
//! until it is added to the list.

use thongbao_core::ingest::{FetchFault, IngestError};
use thongbao_core::letter::Missing;
use thongbao_core::model::Indicator;
use thongbao_core::source::{IssueKind, RowIssue, Severity};
use thongbao_core::stats::Discrepancy;
use thongbao_core::Lang;

/// Whether `s` has a Vietnamese letter (precomposed or a combining tone).
fn vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưĂÂĐÊÔƠƯ".contains(c)
            || ('\u{300}'..='\u{323}').contains(&c)
            || ('\u{1ea0}'..='\u{1ef9}').contains(&c)
            || "àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁÈÉÌÍÒÓÙÚÝ".contains(c)
    })
}

/// `en` without what it quotes (“…”), which is the clerk's own text.
fn unquoted(en: &str) -> String {
    en.split(['“', '”']).step_by(2).collect()
}

fn check(what: &str, vi: String, en: String) {
    assert!(
        !vi.trim().is_empty() && !en.trim().is_empty(),
        "{what}: empty"
    );
    assert_ne!(vi, en, "{what}: the same text in both languages");
    assert!(
        vietnamese(&vi),
        "{what}: Vietnamese text without Vietnamese: {vi}"
    );
    assert!(
        !vietnamese(&unquoted(&en)),
        "{what}: Vietnamese left in English: {en}"
    );
}

fn issue_kinds() -> Vec<IssueKind> {
    let all = vec![
        IssueKind::NotANumber,
        IssueKind::Fraction,
        IssueKind::Negative,
        IssueKind::TooLarge,
        IssueKind::EmptyUnitName,
        IssueKind::DuplicateUnit {
            first_line: 3,
            first_file: Some(0),
        },
        IssueKind::TooFewCells {
            found: 1,
            expected: 3,
        },
        IssueKind::InstallsAboveSmartphones {
            installs: 20,
            smartphones: 10,
        },
        IssueKind::BadDate,
        IssueKind::TotalMismatch {
            indicator: Indicator::Scans,
            typed: 10,
            computed: 11,
        },
        IssueKind::RateMismatch {
            typed: "30%".into(),
            computed: "31,0%".into(),
        },
    ];
    for k in &all {
        // A new kind must be added above.
        match k {
            IssueKind::NotANumber
            | IssueKind::Fraction
            | IssueKind::Negative
            | IssueKind::TooLarge
            | IssueKind::EmptyUnitName
            | IssueKind::DuplicateUnit { .. }
            | IssueKind::TooFewCells { .. }
            | IssueKind::InstallsAboveSmartphones { .. }
            | IssueKind::BadDate
            | IssueKind::TotalMismatch { .. }
            | IssueKind::RateMismatch { .. } => {}
        }
    }
    all
}

#[test]
fn every_row_issue_in_both_languages() {
    for kind in issue_kinds() {
        let issue = RowIssue {
            line: 7,
            column: Some("Lượt quét".into()),
            value: "abc".into(),
            kind: kind.clone(),
            severity: Severity::Error,
        };
        let what = format!("{kind:?}");
        check(&what, issue.reason(Lang::Vi), issue.reason(Lang::En));
        let en = issue.message(Lang::En);
        assert!(en.starts_with("Line 7, column “Lượt quét”"), "{en}");
        check(&what, issue.message(Lang::Vi), en);
    }
}

#[test]
fn every_ingest_error_in_both_languages() {
    let file = || "số liệu.csv".to_string();
    let damaged = thongbao_core::ingest::read(b"PK\x03\x04broken", "hỏng.xlsx")
        .expect_err("a damaged workbook");
    assert!(matches!(damaged, IngestError::Workbook { .. }));
    let all = vec![
        IngestError::Empty { file: file() },
        IngestError::TooLarge {
            file: file(),
            size_mb: 300,
            limit_mb: 200,
        },
        IngestError::Binary { file: file() },
        IngestError::Unsupported {
            file: file(),
            kind: ".pdf".into(),
        },
        damaged,
        IngestError::NeedsMapping {
            file: file(),
            header_line: 1,
            headers: vec!["A".into()],
            roles: vec![None],
        },
        IngestError::Fetch {
            file: file(),
            fault: FetchFault::NoAnswer,
        },
        IngestError::Fetch {
            file: file(),
            fault: FetchFault::Status {
                code: 404,
                text: "Not Found".into(),
            },
        },
        IngestError::Fetch {
            file: file(),
            fault: FetchFault::Body,
        },
        IngestError::Internal {
            file: file(),
            place: thongbao_core::JsonPlace {
                line: 1,
                column: 2,
                fault: thongbao_core::JsonFault::Eof,
            },
        },
        IngestError::NoUnits {
            file: file(),
            rejected: 2,
            issues: Vec::new(),
        },
    ];
    for e in &all {
        match e {
            IngestError::Empty { .. }
            | IngestError::TooLarge { .. }
            | IngestError::Binary { .. }
            | IngestError::Unsupported { .. }
            | IngestError::Workbook { .. }
            | IngestError::NeedsMapping { .. }
            | IngestError::Fetch { .. }
            | IngestError::Internal { .. }
            | IngestError::NoUnits { .. } => {}
        }
        if let IngestError::Fetch { fault, .. } = e {
            match fault {
                FetchFault::NoAnswer | FetchFault::Status { .. } | FetchFault::Body => {}
            }
        }
        let en = e.message(Lang::En);
        assert!(en.contains(e.file()), "{en}");
        check(&format!("{e:?}"), e.message(Lang::Vi), en);
    }
}

#[test]
fn every_discrepancy_and_letter_gap_in_both_languages() {
    let discrepancies = [
        Discrepancy::Total {
            indicator: Indicator::Installs,
            typed: 5554,
            computed: 5555,
        },
        Discrepancy::Rate {
            typed: "30%".into(),
            computed: "30,0%".into(),
        },
    ];
    for d in &discrepancies {
        match d {
            Discrepancy::Total { .. } | Discrepancy::Rate { .. } => {}
        }
        check(&format!("{d:?}"), d.message(Lang::Vi), d.message(Lang::En));
    }
    for m in [
        Missing::DataDate,
        Missing::PreviousDate,
        Missing::Figure("installs".into()),
    ] {
        match &m {
            Missing::DataDate | Missing::PreviousDate | Missing::Figure(_) => {}
        }
        check(&format!("{m:?}"), m.message(Lang::Vi), m.message(Lang::En));
    }
}

#[test]
fn every_report_definition_fault_and_profile_error_in_both_languages() {
    use thongbao_core::letter::profile::ProfileError;
    use thongbao_core::spec::SpecProblem;
    let problems = vec![
        SpecProblem::BadId("Ma sai".into()),
        SpecProblem::Twice("accounts".into()),
        SpecProblem::Unknown("no_such".into()),
        SpecProblem::NoHeaders("target".into()),
        SpecProblem::NoIndicators,
    ];
    for p in &problems {
        check(&format!("{p:?}"), p.message(Lang::Vi), p.message(Lang::En));
    }
    for e in [
        ProfileError::Json {
            place: thongbao_core::JsonPlace {
                line: 1,
                column: 2,
                fault: thongbao_core::JsonFault::Syntax,
            },
        },
        ProfileError::Shape(
            thongbao_core::json::Bad::new(thongbao_core::json::Fault::Missing("value"))
                .at("rule")
                .at("[0]")
                .at("classes"),
        ),
        ProfileError::Newer { version: 9 },
        ProfileError::Spec(problems),
    ] {
        check(&format!("{e:?}"), e.message(Lang::Vi), e.message(Lang::En));
    }
}
