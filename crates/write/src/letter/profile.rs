//! Report profiles: what a weekly report says and how, as data.
//!
//! A profile carries the letter's default fields (letterhead, signer,
//! recipients, sections 2 and 3), the thresholds, the sentence templates of
//! section 1 and the appendix labels. An office saves its own as JSON and
//! loads it next week; a second kind of weekly report is another profile,
//! not new code.

use super::LetterFields;
use crate::date::Date;
use crate::json::{self, Bad, FromJson, Obj, Value};
use crate::model::{Indicator, Values};
use crate::stats::{Manual, ManualPeriod, Thresholds};

/// Words for a change in the generic report's sentences and appendix:
/// `{n}` is the change's size, `{unit}` the figure's word.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeWords {
    pub up: String,
    pub down: String,
    pub same: String,
    /// For ranks, where a smaller number is a rise.
    pub rank_up: String,
    pub rank_down: String,
    pub rank_same: String,
    /// The unit of a rate's change ("điểm phần trăm").
    pub points: String,
}

impl Default for ChangeWords {
    fn default() -> Self {
        ChangeWords {
            up: s("tăng {n} {unit}"),
            down: s("giảm {n} {unit}"),
            same: s("không thay đổi"),
            rank_up: s("tăng {n} bậc"),
            rank_down: s("giảm {n} bậc"),
            rank_same: s("giữ nguyên thứ hạng"),
            points: s("điểm phần trăm"),
        }
    }
}

/// A kind of report.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Schema version of the JSON form.
    pub version: u32,
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// The COVID report's classification thresholds.
    pub thresholds: Thresholds,
    pub section_titles: [String; 3],
    /// Section 1, one paragraph per line; "- " starts a dash line.
    pub section1: String,
    pub intro: String,
    /// Label of the unit column in the appendix.
    pub unit_label: String,
    pub district_label: String,
    pub fields: LetterFields,
    /// The report as data (indicators, measures, classes), which the
    /// generic engine computes. A profile read without one (the COVID
    /// report's first form) gets the COVID report's; `None` is the COVID
    /// report's too ([`spec_of`]).
    pub report: Option<crate::spec::ReportSpec>,
    /// Generic appendix labels for a column (`id`, `id.diff`, `band`)
    /// other than its figure's name.
    pub column_labels: Vec<(String, String)>,
    pub change_words: ChangeWords,
    /// A figure's own change words, by id, where they differ from
    /// `change_words` ("tăng lượt quét {n}", "tăng {n} máy").
    pub figure_change_words: Vec<(String, ChangeWords)>,
    /// What `{baseline}` says when the change comes from the file's own
    /// change column ("tuần trước").
    pub previous_word: String,
    /// The appendix's total row label ("Bình quân" when the figures are
    /// means); "Tổng cộng" when empty.
    pub total_label: String,
}

/// Version of [`Profile`]'s JSON. 2 added the report definition (`report`)
/// and its words; a version-1 file is the COVID report's and reads as is.
pub const PROFILE_VERSION: u32 = 2;

/// Why a profile file was refused; the profile in use stays.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("not a profile")]
    Json { place: crate::JsonPlace },
    /// JSON, but a field is missing or of another form.
    #[error("not a profile's form")]
    Shape(Bad),
    #[error("made by a newer version ({version})")]
    Newer { version: u32 },
    #[error("the report definition has faults")]
    Spec(Vec<crate::spec::SpecProblem>),
}

impl ProfileError {
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::*;
        match (self, lang) {
            (ProfileError::Json { place }, Vi) => {
                format!("Tệp hồ sơ không hợp lệ ({}).", place.message(Vi))
            }
            (ProfileError::Json { place }, En) => {
                format!("The profile file is not valid ({}).", place.message(En))
            }
            (ProfileError::Shape(b), Vi) => {
                format!("Tệp hồ sơ không hợp lệ ({}).", b.message(Vi))
            }
            (ProfileError::Shape(b), En) => {
                format!("The profile file is not valid ({}).", b.message(En))
            }
            (ProfileError::Newer { version }, Vi) => {
                format!("Tệp hồ sơ được tạo bởi phiên bản mới hơn (phiên bản {version}).")
            }
            (ProfileError::Newer { version }, En) => {
                format!("The profile file was made by a newer version (version {version}).")
            }
            (ProfileError::Spec(p), Vi) => format!("Định nghĩa báo cáo có lỗi: {}", join(p, lang)),
            (ProfileError::Spec(p), En) => {
                format!("The report definition has faults: {}", join(p, lang))
            }
        }
    }
}

fn join(p: &[crate::spec::SpecProblem], lang: crate::Lang) -> String {
    p.iter()
        .map(|x| x.message(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Profile {
    /// The profile as a small JSON file (compact: the saved work writes
    /// the same form, so the WASM holds one serializer of it, not two).
    pub fn to_json(&self) -> String {
        json::ToJson::to_json_text(self)
    }

    /// Read a profile saved by [`Profile::to_json`] (any version up to
    /// this one); a report definition with faults is refused.
    pub fn from_json(s: &str) -> Result<Profile, ProfileError> {
        let mut p: Profile = json::parse(s).map_err(|e| match e {
            json::JsonError::Syntax(place) => ProfileError::Json { place },
            json::JsonError::Shape(b) => ProfileError::Shape(b),
        })?;
        if p.version > PROFILE_VERSION {
            return Err(ProfileError::Newer { version: p.version });
        }
        if let Some(r) = &p.report {
            let problems = r.problems();
            if !problems.is_empty() {
                return Err(ProfileError::Spec(problems));
            }
        }
        p.version = PROFILE_VERSION;
        Ok(p)
    }

    /// This new report numbered apart from the ids `taken` already ("bao-cao-moi-2",
    /// "Báo cáo mới 2"), so a second one does not replace the first.
    pub fn numbered_apart(&mut self, taken: impl Fn(&str) -> bool) {
        let (stem, name) = (self.id.clone(), self.name.clone());
        let mut n = 2;
        while taken(&self.id) {
            self.id = format!("{stem}-{n}");
            self.name = format!("{name} {n}");
            n += 1;
        }
    }

    /// A new report of the office's own from a definition, keeping `base`'s
    /// letterhead and texts: an intro and one sentence per indicator to
    /// start from.
    pub fn designed(base: &Profile, name: &str, spec: crate::spec::ReportSpec) -> Profile {
        let section1 = spec
            .indicators
            .iter()
            .map(|i| format!("{}: {{{}}}[ ({{{}.diff}})].", i.name, i.id, i.id))
            .collect::<Vec<_>>()
            .join("\n");
        let mut id = format!("rieng-{}", crate::spec::slug(name).replace('_', "-"));
        id.truncate(40);
        let mut fields = base.fields.clone();
        fields.subject = format!(
            "V/v {}[ đến ngày {{date}}]",
            crate::text::case::to_lower(name)
        );
        fields.appendix_title =
            format!("{}[ ĐẾN NGÀY {{date}}]", crate::text::case::to_upper(name));
        fields.section1 = None;
        Profile {
            version: PROFILE_VERSION,
            id: id.trim_end_matches('-').to_string(),
            name: name.to_string(),
            name_en: String::new(),
            thresholds: Thresholds::default(),
            section_titles: base.section_titles.clone(),
            section1,
            intro: format!(
                "{{issuer_full}} thông báo {} trên địa bàn {{area}} đến ngày {{date}} như sau:",
                crate::text::case::to_lower(name)
            ),
            unit_label: "Đơn vị".into(),
            district_label: base.district_label.clone(),
            fields,
            report: Some(spec),
            column_labels: Vec::new(),
            change_words: ChangeWords::default(),
            figure_change_words: Vec::new(),
            previous_word: String::new(),
            total_label: String::new(),
        }
    }

    /// The change words of figure `id`: its own, else the profile's.
    pub fn change_words_of(&self, id: &str) -> &ChangeWords {
        self.figure_change_words
            .iter()
            .find(|(f, _)| f == id)
            .map_or(&self.change_words, |(_, w)| w)
    }

    /// The label of a generic appendix column.
    pub fn column_label(&self, col: &str) -> Option<&str> {
        self.column_labels
            .iter()
            .find(|(c, _)| c == col)
            .map(|(_, l)| l.as_str())
    }
}

#[cfg(test)]
#[test]
fn builtin_profiles_read() {
    for j in [DE_AN_06_JSON, CHI_SO_766_JSON, COVID_QR_JSON] {
        let p = Profile::from_json(j).expect("built-in profile reads");
        assert!(p.report.is_some());
        // And survives its own JSON.
        assert_eq!(Profile::from_json(&p.to_json()), Ok(p));
    }
    assert_eq!(builtins().len(), 3);
}

#[cfg(test)]
#[test]
fn the_covid_definition_takes_the_clerks_thresholds_and_decimals() {
    use crate::spec::Rule;
    use crate::stats::Settings;
    let shipped = Profile::from_json(COVID_QR_JSON).unwrap().report.unwrap();
    assert_eq!(covid_spec(&Settings::default()), shipped);
    let s = Settings {
        decimals: 2,
        thresholds: Thresholds {
            high_pct: 100,
            low_pct: 25,
            low_install_pct: 50,
        },
    };
    let spec = covid_spec(&s);
    let rule = |id: &str| spec.class(id).unwrap().rule.clone();
    assert_eq!(rule("high"), Rule::AboveMean { percent: 100.0 });
    assert_eq!(rule("low"), Rule::BelowMean { percent: 25.0 });
    assert_eq!(rule("low_installers"), Rule::BelowTotal { percent: 50.0 });
    assert_eq!(rule("zero"), Rule::Zero);
    assert_eq!(spec.measure("rate").unwrap().decimals, 2);
}

#[cfg(test)]
#[test]
fn a_changed_builtin_is_kept_as_its_own_copy() {
    let b = builtins();
    let same = as_own(b[1].clone(), &b);
    assert_eq!(same.id, b[1].id, "unchanged: the built-in itself");
    let mut changed = b[1].clone();
    changed.section1.push_str("\nMột câu nữa.");
    let own = as_own(changed, &b);
    assert_eq!(own.id, format!("rieng-{}", b[1].id));
    assert!(own.name.ends_with(" (riêng)"));
    // The office's letterhead alone is no new report.
    let mut letterhead = b[0].clone();
    letterhead.fields.signer = "Hà Văn Tư".into();
    assert_eq!(as_own(letterhead, &b).id, b[0].id);
}

// Reading the JSON form by hand (see `crate::json`), with the defaults
// each field had under serde.

impl FromJson for ChangeWords {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v)?;
        let d = ChangeWords::default();
        let value = ChangeWords {
            up: o.or("up", d.up),
            down: o.or("down", d.down),
            same: o.or("same", d.same),
            rank_up: o.or("rank_up", d.rank_up),
            rank_down: o.or("rank_down", d.rank_down),
            rank_same: o.or("rank_same", d.rank_same),
            points: o.or("points", d.points),
        };
        o.done(value)
    }
}

impl FromJson for LetterFields {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v)?;
        // The defaults (the COVID report's fields) only for a field that
        // is absent: `covid-qr.json`, which has them all, is read without.
        let d = std::cell::OnceCell::new();
        let or = |key: &str, pick: fn(&LetterFields) -> &String| {
            o.opt(key)
                .unwrap_or_else(|| pick(d.get_or_init(LetterFields::default)).clone())
        };
        let value = LetterFields {
            issuer: or("issuer", |d| &d.issuer),
            issuer_short: or("issuer_short", |d| &d.issuer_short),
            issuer_full: or("issuer_full", |d| &d.issuer_full),
            area: or("area", |d| &d.area),
            area_word: or("area_word", |d| &d.area_word),
            number: or("number", |d| &d.number),
            symbol: or("symbol", |d| &d.symbol),
            place: or("place", |d| &d.place),
            issue_date: o.opt("issue_date"),
            data_date: o.opt("data_date"),
            subject: or("subject", |d| &d.subject),
            doc_type: o.or_default("doc_type"),
            recipients: or("recipients", |d| &d.recipients),
            reference: or("reference", |d| &d.reference),
            section1: o.opt("section1"),
            section2: or("section2", |d| &d.section2),
            section3: or("section3", |d| &d.section3),
            authority: or("authority", |d| &d.authority),
            title: or("title", |d| &d.title),
            signer: or("signer", |d| &d.signer),
            noi_nhan: or("noi_nhan", |d| &d.noi_nhan),
            appendix_title: or("appendix_title", |d| &d.appendix_title),
        };
        o.done(value)
    }
}

impl FromJson for Profile {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v)?;
        let mut p = Profile {
            version: o.req("version"),
            id: o.req("id"),
            name: o.req("name"),
            name_en: o.or_default("name_en"),
            thresholds: o.or_default("thresholds"),
            section_titles: o.req("section_titles"),
            section1: o.req("section1"),
            intro: o.req("intro"),
            unit_label: o.req("unit_label"),
            district_label: o.or_default("district_label"),
            fields: o.req("fields"),
            // A profile without a definition is the COVID report's (its
            // first form, before reports were data).
            report: o
                .opt("report")
                .or_else(|| covid_definition().report.clone()),
            column_labels: o.or_default("column_labels"),
            change_words: o.or_default("change_words"),
            figure_change_words: o.or_default("figure_change_words"),
            previous_word: o.or_default("previous_word"),
            total_label: o.or_default("total_label"),
        };
        // The COVID report's first form (saved work and offices' files of
        // 2021–2026): change phrases and appendix labels per indicator,
        // whose ids are the COVID definition's figure ids.
        for c in o.or_default::<Vec<LegacyPhrases>>("changes") {
            let id = c.indicator.id();
            if !p.figure_change_words.iter().any(|(f, _)| f == id) {
                let words = ChangeWords {
                    up: c.up,
                    down: c.down,
                    same: c.same,
                    ..ChangeWords::default()
                };
                p.figure_change_words.push((id.to_string(), words));
            }
        }
        for (i, label) in o.or_default::<Vec<(Indicator, String)>>("appendix_labels") {
            if p.column_label(i.id()).is_none() {
                p.column_labels.push((i.id().to_string(), label));
            }
        }
        o.done(p)
    }
}

/// Change phrases for one indicator, as the COVID report's first profiles
/// wrote them (read into [`Profile::figure_change_words`]).
struct LegacyPhrases {
    indicator: Indicator,
    up: String,
    down: String,
    same: String,
}

crate::json::from_json_struct!(LegacyPhrases {
    indicator: need,
    up: req,
    down: req,
    same: req,
});

#[cfg(test)]
#[test]
fn bad_profiles_are_refused_with_a_reason() {
    let e = Profile::from_json("{").unwrap_err();
    assert!(matches!(e, ProfileError::Json { .. }));
    // JSON of another form says which field, where in the tree.
    let bad = DE_AN_06_JSON.replacen("\"at_least\"", "\"at_most\"", 1);
    let e = Profile::from_json(&bad).unwrap_err();
    assert_eq!(
        e.message(crate::Lang::Vi),
        "Tệp hồ sơ không hợp lệ (report.classes[0].rule: không biết «at_most»)."
    );
    let no_name = DE_AN_06_JSON.replacen("\"name\"", "\"nom\"", 1);
    assert_eq!(
        Profile::from_json(&no_name)
            .unwrap_err()
            .message(crate::Lang::En),
        "The profile file is not valid (missing field «name»)."
    );
    let mut p: Profile = Profile::from_json(DE_AN_06_JSON).unwrap();
    p.version = 99;
    assert_eq!(
        Profile::from_json(&p.to_json()),
        Err(ProfileError::Newer { version: 99 })
    );
    p.version = 2;
    if let Some(r) = &mut p.report {
        r.kpis.push("no_such".into());
    }
    let e = Profile::from_json(&p.to_json()).unwrap_err();
    assert!(
        e.message(crate::Lang::Vi).contains("no_such"),
        "{}",
        e.message(crate::Lang::Vi)
    );
    assert!(e.message(crate::Lang::En).contains("no_such"));
    // A version-1 file (the COVID report's, before definitions) reads.
    let mut v1 = covid_qr();
    v1.version = 1;
    let json = v1.to_json();
    let back = Profile::from_json(&json.replacen(",\"report\":", ",\"unused\":", 1)).unwrap();
    assert_eq!(back.report, covid_qr().report, "the COVID report's");
    assert_eq!(back.version, PROFILE_VERSION);
}

fn s(x: &str) -> String {
    x.to_string()
}

/// The COVID report's id.
pub const COVID_ID: &str = "covid-qr-pccovid";

/// The COVID-19 QR / PC-Covid weekly report (`covid-qr.json`), with the
/// seed letter (công văn 2092/UBND-VHTT, Quan Sơn, 16/11/2021) as its
/// default fields.
pub fn covid_qr() -> Profile {
    covid_definition().clone()
}

/// `covid-qr.json` read once. Its fields are all present, so reading them
/// never asks for [`LetterFields::default`] (which is this profile's).
fn covid_definition() -> &'static Profile {
    static P: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
    // A shipped file, not input: `builtin_profiles_read` reads it, so a
    // failure here is a build defect.
    P.get_or_init(|| Profile::from_json(COVID_QR_JSON).expect("covid-qr.json reads"))
}

/// The COVID report as data: the seed letter's sentences over its
/// definition (`core/tests/golden_letter.rs` writes the seed letter from
/// it); [`covid_qr`] reads it.
pub const COVID_QR_JSON: &str = include_str!("../../../../assets/profiles/covid-qr.json");
/// The Đề án 06 weekly report (VNeID level-2 accounts per commune).
pub const DE_AN_06_JSON: &str = include_str!("../../../../assets/profiles/de-an-06.json");
/// The service index of Decision 766/QĐ-TTg (monthly, per unit).
pub const CHI_SO_766_JSON: &str = include_str!("../../../../assets/profiles/chi-so-766.json");

/// The COVID report's definition (`covid-qr.json`) with the clerk's
/// settings (see [`spec_of`]).
pub fn covid_spec(settings: &crate::stats::Settings) -> crate::spec::ReportSpec {
    spec_of(covid_definition(), settings)
}

/// A profile's report as the page computes it. A report that reads the
/// built-in roles (the COVID report and the office's copies of it) takes
/// the clerk's settings: the thresholds of its classes (high and low
/// scans against the mean, low installs against the overall rate) and
/// the decimals of its rates, shares and quotients.
pub fn spec_of(p: &Profile, settings: &crate::stats::Settings) -> crate::spec::ReportSpec {
    use crate::spec::{Formula, Rule};
    let mut spec = match &p.report {
        Some(r) => r.clone(),
        None => covid_definition().report.clone().unwrap_or_default(),
    };
    if !spec.reads_builtin_roles() {
        return spec;
    }
    let t = settings.thresholds;
    for c in &mut spec.classes {
        match &mut c.rule {
            Rule::AboveMean { percent } => *percent = f64::from(t.high_pct),
            Rule::BelowMean { percent } => *percent = f64::from(t.low_pct),
            Rule::BelowTotal { percent } => *percent = f64::from(t.low_install_pct),
            _ => {}
        }
    }
    for m in &mut spec.measures {
        if !matches!(m.formula, Formula::Rank { .. } | Formula::Sum { .. }) {
            m.decimals = settings.decimals;
        }
    }
    spec
}

/// The built-in reports: COVID-19 QR / PC-Covid, Đề án 06, the 766 index.
pub fn builtins() -> Vec<Profile> {
    let mut out = vec![covid_qr()];
    // Tested in `builtin_profiles_read`: a failure is a build defect.
    out.extend(
        [DE_AN_06_JSON, CHI_SO_766_JSON]
            .iter()
            .filter_map(|j| Profile::from_json(j).ok()),
    );
    out
}

/// A profile as the office keeps it: a built-in report whose definition or
/// sentences it changed becomes its own copy (`rieng-<id>`, "… (riêng)"),
/// so the built-in one stays as shipped and the copy survives a reload.
pub fn as_own(mut p: Profile, builtins: &[Profile]) -> Profile {
    if let Some(b) = builtins.iter().find(|b| b.id == p.id) {
        if b.report != p.report || b.section1 != p.section1 {
            p.id = format!("rieng-{}", p.id);
            p.name = format!("{} (riêng)", p.name);
        }
    }
    p
}

/// The office's own profiles as the browser keeps them: a JSON list of
/// profile files, each read on its own (a faulty one is left out).
pub fn list_from_json(s: &str) -> Vec<Profile> {
    let raw: Vec<String> = crate::json::parse(s).unwrap_or_default();
    raw.iter()
        .filter_map(|p| Profile::from_json(p).ok())
        .collect()
}

/// [`list_from_json`]'s form.
pub fn list_to_json(ps: &[Profile]) -> String {
    let raw: Vec<String> = ps.iter().map(Profile::to_json).collect();
    json::ToJson::to_json_text(&raw)
}

/// The sample file of a built-in report: (file name, contents).
pub fn sample_of(profile_id: &str) -> Option<(&'static str, &'static str)> {
    match profile_id {
        "de-an-06" => Some((
            "de-an-06-gia-lai-2026-11-27.csv",
            include_str!("../../../../assets/de-an-06-gia-lai-2026-11-27.csv"),
        )),
        "chi-so-766" => Some((
            "chi-so-766-gia-lai-2026-11.csv",
            include_str!("../../../../assets/chi-so-766-gia-lai-2026-11.csv"),
        )),
        _ => None,
    }
}

/// The seed letter's typed-in figures: installs and smartphones (the sample
/// file has no such columns), the previous report of 05/11/2021, and the
/// three communes the letter names as low installers (the file cannot tell:
/// it has no installs per commune).
pub fn sample_manual() -> Manual {
    let mut current = Values::default();
    current.set(Indicator::Installs, Some(5554));
    current.set(Indicator::Smartphones, Some(18510));
    let mut prev = Values::default();
    prev.set(Indicator::Locations, Some(526));
    prev.set(Indicator::Scans, Some(3186));
    prev.set(Indicator::Installs, Some(5386));
    Manual {
        current,
        previous: Some(ManualPeriod {
            date: Date::new(2021, 11, 5),
            values: prev,
        }),
        typed_rate: Some("30,1%".to_string()),
        low_installers: ["Xã Sơn Hà", "Xã Tam Thanh", "Xã Tam Lư"]
            .map(String::from)
            .to_vec(),
    }
}

#[cfg(test)]
#[test]
fn a_new_report_is_numbered_apart_from_the_ones_kept() {
    let base = covid_qr();
    let mut p = Profile::designed(&base, "Báo cáo mới", crate::spec::ReportSpec::default());
    let first = p.id.clone();
    let taken = [first.clone(), format!("{first}-2")];
    p.numbered_apart(|id| taken.iter().any(|t| t == id));
    assert_eq!(
        (p.id, p.name.as_str()),
        (format!("{first}-3"), "Báo cáo mới 3")
    );
    let mut q = Profile::designed(&base, "Báo cáo mới", crate::spec::ReportSpec::default());
    q.numbered_apart(|_| false);
    assert_eq!(q.id, first);
}

json::to_json_struct!(ChangeWords {
    up,
    down,
    same,
    rank_up,
    rank_down,
    rank_same,
    points,
});
json::to_json_struct!(Profile {
    version,
    id,
    name,
    name_en,
    thresholds,
    section_titles,
    section1,
    intro,
    unit_label,
    district_label,
    fields,
    report,
    column_labels,
    change_words,
    figure_change_words,
    previous_word,
    total_label,
});
