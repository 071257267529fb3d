//! The official letter (công văn) as a document model.
//!
//! [`build`] writes the letter from a report's figures (the generic
//! engine's), the report profile and the user's fields. The app renders the model as HTML; [`crate::export::docx`]
//! writes it as .docx. Layout rules (Decree 30/2020, Appendix I) live in the
//! renderers; the model holds the text, already in Vietnamese form
//! (4.336; 30,0%; "ngày 16 tháng 11 năm 2021"; the text ends "./.").

pub mod html;
pub mod profile;
pub mod report;
pub mod template;

use template::Fill;

use crate::date::Date;
use crate::engine::Computed;
use crate::spec::ReportSpec;
use crate::text::fold;
pub use profile::{covid_qr, sample_manual, Profile};

/// Everything the user can edit. Multi-line fields hold one item per line.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterFields {
    /// Issuer, one line each: "ỦY BAN NHÂN DÂN\nHUYỆN QUAN SƠN".
    pub issuer: String,
    /// Short name used in references: "UBND huyện Quan Sơn".
    pub issuer_short: String,
    /// Name as subject of a sentence: "Ủy ban nhân dân huyện".
    pub issuer_full: String,
    /// The area in running text: "huyện Quan Sơn".
    pub area: String,
    /// Its type word: "huyện".
    pub area_word: String,
    pub number: String,
    pub symbol: String,
    pub place: String,
    pub issue_date: Option<Date>,
    /// Date of the figures; the data's date when empty.
    pub data_date: Option<Date>,
    pub subject: String,
    /// The document's type name when it is not a công văn: "BÁO CÁO",
    /// "THÔNG BÁO". A công văn (empty) puts its subject "V/v …" under its
    /// number; another type prints its name and subject as a title block
    /// (Decree 30, Appendix I, box 5a).
    pub doc_type: String,
    pub recipients: String,
    pub reference: String,
    /// Section 1 as edited by the user; generated when `None`.
    pub section1: Option<String>,
    pub section2: String,
    pub section3: String,
    pub authority: String,
    pub title: String,
    pub signer: String,
    pub noi_nhan: String,
    pub appendix_title: String,
}

impl Default for LetterFields {
    fn default() -> Self {
        profile::covid_qr().fields
    }
}

impl LetterFields {
    /// Who issues and signs, and where: what stays the office's own when it
    /// changes report.
    fn identity(&self) -> [&String; 9] {
        [
            &self.issuer,
            &self.issuer_short,
            &self.issuer_full,
            &self.area,
            &self.area_word,
            &self.place,
            &self.authority,
            &self.title,
            &self.signer,
        ]
    }

    /// Whether both name the same issuer, area and signer.
    pub fn same_identity(&self, other: &LetterFields) -> bool {
        self.identity() == other.identity()
    }

    /// These fields with `from`'s issuer, area, place and signer.
    pub fn with_identity_of(mut self, from: &LetterFields) -> LetterFields {
        self.issuer = from.issuer.clone();
        self.issuer_short = from.issuer_short.clone();
        self.issuer_full = from.issuer_full.clone();
        self.area = from.area.clone();
        self.area_word = from.area_word.clone();
        self.place = from.place.clone();
        self.authority = from.authority.clone();
        self.title = from.title.clone();
        self.signer = from.signer.clone();
        self
    }
}

/// A paragraph of the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Section heading, bold: "1. Kết quả thực hiện".
    Heading(String),
    /// Body paragraph, justified, first-line indent.
    Para(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Para(t) => t,
        }
    }
}

/// The appendix table.
#[derive(Clone, Debug, PartialEq)]
pub struct Appendix {
    pub heading: String,
    pub title: String,
    /// "(Kèm theo Công văn số … ngày … của …)".
    pub note: String,
    pub columns: Vec<String>,
    /// Which columns are numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: Vec<String>,
}

/// The whole letter.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub national_title: String,
    pub motto: String,
    pub issuer: Vec<String>,
    /// "Số: 2092/UBND-VHTT".
    pub number_line: String,
    pub subject: String,
    /// The type name of a document other than a công văn ("BÁO CÁO"):
    /// its title block above the body.
    pub doc_type: Option<String>,
    /// "Quan Sơn, ngày 16 tháng 11 năm 2021".
    pub place_date: String,
    /// "Kính gửi:" lines, punctuated ("- …;", last ".").
    pub recipients: Vec<String>,
    pub body: Vec<Block>,
    pub noi_nhan: Vec<String>,
    pub authority: String,
    pub title: String,
    pub signer: String,
    pub appendix: Appendix,
    /// File name for downloads: `cong-van-2092-UBND-VHTT-2021-11-16`.
    pub file_stem: String,
    /// What the letter needed and left blank (a date, a figure), for the
    /// form to ask for; empty when nothing is missing.
    pub missing: Vec<Missing>,
}

/// Lower-case the administrative type word for running text:
/// "Xã Sơn Hà" → "xã Sơn Hà", "THỊ TRẤN SƠN LƯ" stays as typed apart from
/// the type word.
pub fn running_name(name: &str) -> String {
    const TYPES: [&str; 8] = [
        "thị trấn",
        "thị xã",
        "thành phố",
        "đặc khu",
        "phường",
        "huyện",
        "quận",
        "xã",
    ];
    let trimmed = name.trim();
    for t in TYPES {
        let n = t.chars().count();
        let head: String = trimmed.chars().take(n).collect();
        let rest: String = trimmed.chars().skip(n).collect();
        if fold(&head) == fold(t) && rest.starts_with(' ') {
            return format!("{t}{rest}");
        }
    }
    trimmed.to_string()
}

/// The short form the seed letter uses in lists of units: the commonest
/// type word ("xã") is dropped, others kept: "Trung Hạ", "thị trấn Sơn Lư".
pub fn short_name(name: &str) -> String {
    let r = running_name(name);
    match r.strip_prefix("xã ") {
        Some(rest) => rest.to_string(),
        None => r,
    }
}

fn punctuate(lines: &str, dash: bool) -> Vec<String> {
    let items: Vec<String> = lines
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '–', '•'])
                .trim()
                .trim_end_matches([';', '.', ','])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let n = items.len();
    items
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let end = if i + 1 == n { "." } else { ";" };
            if dash {
                format!("- {l}{end}")
            } else {
                format!("{l}{end}")
            }
        })
        .collect()
}

/// The blank a letter writes for a date it does not have, as Vietnamese
/// forms leave a date to fill in by hand: `…/…/…` (and `…/…` for day and
/// month), so "đến ngày {date}" prints "đến ngày …/…/…".
pub const DATE_BLANK: &str = "…/…/…";
/// [`DATE_BLANK`] for day and month only.
pub const DAY_MONTH_BLANK: &str = "…/…";
/// The blank for a figure the clerk's own text names and the data lacks.
pub const FIGURE_BLANK: &str = "…";

/// Something the letter needed and did not have: it printed a visible blank
/// ([`DATE_BLANK`], [`FIGURE_BLANK`]) instead, for the clerk to fill in or
/// to type in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The date of the figures: the file has none and none is typed.
    DataDate,
    /// The previous report's date, which "so với ngày …" names.
    PreviousDate,
    /// A placeholder of the clerk's own text (reference, sections 2 and 3,
    /// an edited section 1, subject, appendix title) the data has no value
    /// for: its name, as in `{installs}`.
    Figure(String),
}

impl Missing {
    /// What to do about it, for the clerk.
    pub fn message(&self, lang: crate::Lang) -> String {
        let vi = lang == crate::Lang::Vi;
        match self {
            Missing::DataDate if vi => "Công văn cần ngày của số liệu: tệp không có ngày. Nhập «Ngày số liệu», nếu không công văn để trống «…/…/…» để điền tay.".into(),
            Missing::DataDate => "The letter needs the date of the figures: the file has none. Type the data date, or the letter leaves “…/…/…” to fill in by hand.".into(),
            Missing::PreviousDate if vi => "Công văn so sánh với kỳ trước nhưng chưa có ngày của kỳ trước: nhập ngày báo cáo trước, nếu không công văn để trống «…/…».".into(),
            Missing::PreviousDate => "The letter compares with the previous report but has no date for it: type the previous report's date, or the letter leaves “…/…”.".into(),
            Missing::Figure(k) if vi => format!("Văn bản nhập tay dùng {{{k}}} nhưng số liệu không có: công văn để trống «…»."),
            Missing::Figure(k) => format!("Your text uses {{{k}}} but the data has no such figure: the letter leaves “…”."),
        }
    }
}

/// The figures a letter's templates name, from one engine: the COVID
/// report's [`Summary`] or a report definition's [`crate::report::Computed`].
pub(crate) trait Figures {
    /// The data's own date, when the file or its title has one.
    fn data_date(&self) -> Option<Date>;
    /// The date changes are measured against.
    fn prev_date(&self) -> Option<Date>;
    /// Known placeholders give `Some(value)` or `Some(None)` (no value);
    /// unknown ones `None`. `form` is what follows the first `:`.
    fn value(&self, name: &str, form: &str) -> Option<Option<String>>;
    /// Whether the placeholder describes a change since the previous
    /// report (printed without its date: the date is a gap).
    fn is_change(&self, name: &str) -> bool;
}

/// Values for the templates.
struct Vars<'a> {
    fig: &'a dyn Figures,
    f: &'a LetterFields,
    date: Option<Date>,
    /// What the rendered text left blank, in order of first appearance.
    missing: std::cell::RefCell<Vec<Missing>>,
}

/// A placeholder of the COVID report's first profiles (in saved work,
/// offices' profile files and the clerk's own text) under its name today:
/// `{scans_change}` is `{scans.diff}`, `{low_units}` `{list:low}`,
/// `{missing_units}` `{absent}`; other keys are as written.
fn current_name(key: &str) -> std::borrow::Cow<'_, str> {
    let (name, form) = key.split_once(':').unwrap_or((key, ""));
    let now = match name {
        "locations_change" => "locations.diff",
        "scans_change" => "scans.diff",
        "installs_change" => "installs.diff",
        "smartphones_change" => "smartphones.diff",
        "high_units" => "list:high",
        "low_units" => "list:low",
        "zero_units" => "list:zero",
        "low_installers" => "list:low_installers",
        "missing_units" => "absent",
        _ => return key.into(),
    };
    match form {
        "" => now.into(),
        form => format!("{now}:{form}").into(),
    }
}

impl<'a> Vars<'a> {
    fn new(fig: &'a dyn Figures, f: &'a LetterFields) -> Vars<'a> {
        Vars {
            fig,
            f,
            date: f.data_date.or(fig.data_date()),
            missing: Default::default(),
        }
    }

    /// Known placeholders give `Some(value)` or `Some(None)` (no value);
    /// unknown ones `None`.
    fn value(&self, key: &str) -> Option<Option<String>> {
        let (name, form) = key.split_once(':').unwrap_or((key, ""));
        Some(match name {
            "date" => self.date.map(Date::dmy),
            "date_dm" => self.date.map(Date::dm),
            "date_month" => self.date.map(|d| format!("{}/{}", d.month, d.year)),
            "prev_date" => self.fig.prev_date().map(Date::dmy),
            "prev_dm" => self.fig.prev_date().map(Date::dm),
            "area" => Some(self.f.area.clone()),
            "area_word" => Some(self.f.area_word.clone()),
            "issuer_short" => Some(self.f.issuer_short.clone()),
            "issuer_full" => Some(self.f.issuer_full.clone()),
            _ => return self.fig.value(name, form),
        })
    }

    /// A placeholder's fill. Dates always have a blank; in the clerk's own
    /// text (`clerk`) every known placeholder has one, so a paragraph the
    /// clerk wrote is never dropped.
    fn fill(&self, key: &str, clerk: bool) -> Fill {
        let key: &str = &current_name(key);
        let name = key.split_once(':').map_or(key, |(n, _)| n);
        match self.value(key) {
            None => Fill::Unknown,
            Some(Some(v)) => Fill::Text(v),
            Some(None) => Fill::Missing {
                blank: match name {
                    "date" | "prev_date" => Some(DATE_BLANK.into()),
                    "date_dm" | "prev_dm" | "date_month" => Some(DAY_MONTH_BLANK.into()),
                    _ if clerk => Some(FIGURE_BLANK.into()),
                    _ => None,
                },
            },
        }
    }

    /// Render one template, noting what it left blank.
    fn render(&self, t: &str, clerk: bool) -> Option<String> {
        let mut printed = Vec::new();
        let out = template::render_noting(t, &|k| self.fill(k, clerk), &mut printed)?;
        for key in printed {
            let key = current_name(&key);
            let key: &str = &key;
            let name = key.split_once(':').map_or(key, |(n, _)| n);
            let gap = match name {
                "date" | "date_dm" | "date_month" if self.date.is_none() => Some(Missing::DataDate),
                "prev_date" | "prev_dm" if self.fig.prev_date().is_none() => {
                    Some(Missing::PreviousDate)
                }
                n if self.fig.is_change(n) && self.fig.prev_date().is_none() => {
                    Some(Missing::PreviousDate)
                }
                n if clerk && matches!(self.value(n), Some(None)) => {
                    Some(Missing::Figure(n.to_string()))
                }
                _ => None,
            };
            let mut missing = self.missing.borrow_mut();
            if let Some(g) = gap.filter(|g| !missing.contains(g)) {
                missing.push(g);
            }
        }
        Some(out)
    }

    /// Paragraphs of a multi-line template. Lines of the profile that cannot
    /// be filled are left out (a figure the data does not have); the
    /// clerk's lines (`clerk`) are kept, with blanks.
    fn paragraphs(&self, t: &str, clerk: bool) -> Vec<Block> {
        t.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .filter_map(|l| self.render(l, clerk))
            .map(Block::Para)
            .collect()
    }
}

/// The profile's section 1 rendered, one paragraph per line.
fn section1_text(v: &Vars, p: &Profile) -> String {
    v.paragraphs(&p.section1, false)
        .iter()
        .map(|b| b.text().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "Số: 05/UBND-VHTT": one-digit numbers get a leading zero; a missing
/// number leaves room to write it by hand.
fn number_line(f: &LetterFields) -> String {
    let n = f.number.trim();
    let n = if n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()) {
        format!("0{n}")
    } else {
        n.to_string()
    };
    let sym = crate::text::case::to_upper(f.symbol.trim());
    match (n.is_empty(), sym.is_empty()) {
        (true, true) => "Số:".to_string(),
        (true, false) => format!("Số:      /{sym}"),
        (false, true) => format!("Số: {n}"),
        (false, false) => format!("Số: {n}/{sym}"),
    }
}

/// The .docx file name: "cong-van-2092-UBND-VHTT-2021-11-16" (the type's
/// name first: "bao-cao-…").
fn file_stem(f: &LetterFields, kind: &str) -> String {
    let sym = crate::text::case::to_upper(f.symbol.trim());
    let mut stem = crate::text::fold(kind).replace(' ', "-");
    for part in [f.number.trim(), &sym] {
        let clean: String = part
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let clean = clean.trim_matches('-');
        if !clean.is_empty() {
            stem.push('-');
            stem.push_str(clean);
        }
    }
    if let Some(d) = f.issue_date {
        stem.push('-');
        stem.push_str(&d.iso());
    }
    stem
}

/// The body: reference, intro, the three sections under their headings,
/// and "./." at the end of the text.
fn body(v: &Vars, f: &LetterFields, p: &Profile) -> Vec<Block> {
    let mut body = Vec::new();
    // The clerk's paragraphs are kept whatever is missing (with blanks);
    // the profile's are left out when they name a figure the data lacks,
    // except for the dates, which print as blanks.
    body.extend(v.paragraphs(&f.reference, true));
    body.extend(v.paragraphs(&p.intro, false));
    let sections: [Vec<Block>; 3] = [
        match &f.section1 {
            Some(edited) => v.paragraphs(edited, true),
            None => v.paragraphs(&p.section1, false),
        },
        v.paragraphs(&f.section2, true),
        v.paragraphs(&f.section3, true),
    ];
    for (title, blocks) in p.section_titles.iter().zip(sections) {
        if blocks.is_empty() {
            continue;
        }
        body.push(Block::Heading(title.clone()));
        body.extend(blocks);
    }
    // The text ends with "./.".
    if let Some(Block::Para(last)) = body.iter_mut().rev().find(|b| matches!(b, Block::Para(_))) {
        let t = last
            .trim_end()
            .trim_end_matches("./.")
            .trim_end_matches('.')
            .to_string();
        *last = format!("{t}./.");
    }
    body
}

/// Write the letter of a report definition (see [`report`] for its
/// placeholders).
pub fn build(c: &Computed, spec: &ReportSpec, f: &LetterFields, p: &Profile) -> Letter {
    let fig = report::Generic { c, spec, p };
    let v = Vars::new(&fig, f);
    let title = v.render(&f.appendix_title, true).unwrap_or_default();
    write(&v, f, p, |note| report::appendix(c, spec, p, title, note))
}

/// Section 1 as the report writes it from the figures (what "reset"
/// restores).
pub fn generated_section1(
    c: &Computed,
    spec: &ReportSpec,
    f: &LetterFields,
    p: &Profile,
) -> String {
    section1_text(&Vars::new(&report::Generic { c, spec, p }, f), p)
}

/// The COVID report's letter of a dataset, with the figures the clerk
/// typed and the clerk's settings, as the page writes it.
pub fn covid_letter(
    d: &crate::model::Dataset,
    m: &crate::stats::Manual,
    s: &crate::stats::Settings,
    f: &LetterFields,
    p: &Profile,
) -> Letter {
    let spec = profile::covid_spec(s);
    let c = crate::engine::compute_with(d, &spec, &m.typed());
    build(&c, &spec, f, p)
}

/// The letter around its appendix, from any engine's figures.
fn write(
    v: &Vars,
    f: &LetterFields,
    p: &Profile,
    appendix: impl FnOnce(String) -> Appendix,
) -> Letter {
    let number_line = number_line(f);
    let place_date = match f.issue_date {
        Some(d) => format!("{}, {}", f.place.trim(), d.decree_long()),
        None => format!("{}, ngày      tháng      năm", f.place.trim()),
    };
    let body = body(v, f, p);
    let recipients = punctuate(&f.recipients, true);
    let recipients = if recipients.len() == 1 {
        vec![recipients[0].trim_start_matches("- ").to_string()]
    } else {
        recipients
    };
    let sym = crate::text::case::to_upper(f.symbol.trim());
    let doc_type = crate::text::case::to_upper(f.doc_type.trim());
    // "Công văn", "Báo cáo", "Thông báo" in running text.
    let kind = if doc_type.is_empty() {
        "Công văn".to_string()
    } else {
        let lower = crate::text::case::to_lower(&doc_type);
        let mut c = lower.chars();
        c.next()
            .map(|f| {
                std::iter::once(crate::text::case::upper_char(f))
                    .chain(c)
                    .collect()
            })
            .unwrap_or_default()
    };
    let note = match (f.number.trim(), f.issue_date) {
        (n, Some(d)) if !n.is_empty() => format!(
            "(Kèm theo {kind} số {n}/{sym} ngày {} của {})",
            d.dmy(),
            f.issuer_short.trim()
        ),
        _ => format!("(Kèm theo {kind} của {})", f.issuer_short.trim()),
    };
    let appendix = appendix(note);
    let file_stem = file_stem(f, &kind);
    Letter {
        national_title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        motto: "Độc lập - Tự do - Hạnh phúc".into(),
        issuer: f
            .issuer
            .lines()
            .map(|l| crate::text::case::to_upper(l.trim()))
            .filter(|l| !l.is_empty())
            .collect(),
        number_line,
        subject: v
            .render(&f.subject, true)
            .unwrap_or_else(|| f.subject.clone()),
        doc_type: (!doc_type.is_empty()).then_some(doc_type),
        place_date,
        recipients,
        body,
        noi_nhan: punctuate(&f.noi_nhan, true),
        authority: crate::text::case::to_upper(f.authority.trim()),
        title: crate::text::case::to_upper(f.title.trim()),
        signer: f.signer.trim().to_string(),
        appendix,
        file_stem,
        missing: v.missing.take(),
    }
}

impl Letter {
    /// All the letter's text, paragraph by paragraph, as plain lines (for
    /// tests, search and the plain-text copy).
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.recipients.len() == 1 {
            out.push(format!("Kính gửi: {}", self.recipients[0]));
        } else {
            out.push("Kính gửi:".to_string());
            out.extend(self.recipients.iter().cloned());
        }
        out.extend(self.body.iter().map(|b| b.text().to_string()));
        out
    }
}

crate::json::to_json_struct!(LetterFields {
    issuer,
    issuer_short,
    issuer_full,
    area,
    area_word,
    number,
    symbol,
    place,
    issue_date,
    data_date,
    subject,
    doc_type,
    recipients,
    reference,
    section1,
    section2,
    section3,
    authority,
    title,
    signer,
    noi_nhan,
    appendix_title,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_in_running_text() {
        assert_eq!(running_name("Xã Sơn Hà"), "xã Sơn Hà");
        assert_eq!(running_name("Thị trấn Sơn Lư"), "thị trấn Sơn Lư");
        assert_eq!(running_name("THỊ TRẤN Sơn Lư"), "thị trấn Sơn Lư");
        assert_eq!(running_name("Phường Ba Đình"), "phường Ba Đình");
        assert_eq!(running_name("Xã"), "Xã");
        assert_eq!(running_name("Xuân Lộc"), "Xuân Lộc");
        assert_eq!(short_name("Xã Trung Hạ"), "Trung Hạ");
        assert_eq!(short_name("Thị trấn Sơn Lư"), "thị trấn Sơn Lư");
    }

    #[test]
    fn the_first_profiles_placeholders_have_their_names_today() {
        assert_eq!(current_name("scans_change"), "scans.diff");
        assert_eq!(current_name("high_units:short"), "list:high:short");
        assert_eq!(current_name("low_installers"), "list:low_installers");
        assert_eq!(current_name("missing_units:short"), "absent:short");
        assert_eq!(current_name("scans.diff"), "scans.diff");
        assert_eq!(current_name("date"), "date");
    }

    #[test]
    fn punctuation_of_lists() {
        assert_eq!(
            punctuate("Như trên;\n- Lưu: VT, VHTT.\n\n", true),
            vec!["- Như trên;", "- Lưu: VT, VHTT."]
        );
    }
}
