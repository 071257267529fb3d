//! What the app keeps in the browser between visits, with a schema version
//! and migrations, so an update never loses a clerk's work.

use crate::json::{self, Bad, FromJson, JsonError, Obj, Value};
use crate::letter::LetterFields;
use crate::model::Dataset;
use crate::stats::{Manual, Settings};
use crate::Lang;

/// Current schema version of [`Saved`].
pub const VERSION: u32 = 1;

/// The saved work: settings, letter fields, typed figures and the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    /// Version 0 wrote it under "letter".
    pub fields: LetterFields,
    pub manual: Manual,
    pub settings: Settings,
    /// The last data loaded by the user (`None`: the built-in sample).
    pub dataset: Option<Dataset>,
    /// A report profile the office loaded (`None`: the built-in one).
    pub profile: Option<crate::letter::Profile>,
}

impl Default for Saved {
    fn default() -> Self {
        Saved {
            version: VERSION,
            lang: Lang::Vi,
            fields: LetterFields::default(),
            manual: crate::letter::sample_manual(),
            settings: Settings::default(),
            dataset: None,
            profile: None,
        }
    }
}

/// Why saved work (or a backup file) could not be restored.
#[derive(Clone, Debug, thiserror::Error, PartialEq)]
#[error("{}", self.message(Lang::Vi))]
pub enum RestoreError {
    /// The JSON cannot be read: where, and why.
    Corrupt(JsonError),
    /// A backup file that is not thongbao's (another JSON file).
    NotBackup,
    /// Made by a newer version of the app.
    TooNew(u32),
}

impl RestoreError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use RestoreError::*;
        match (self, lang) {
            (Corrupt(e), Lang::Vi) => format!(
                "Dữ liệu đã lưu bị hỏng, không đọc được ({}). Ứng dụng bắt đầu lại với dữ liệu mẫu.",
                e.message(lang)
            ),
            (Corrupt(e), Lang::En) => format!(
                "The saved work is damaged and cannot be read ({}). The app starts again with the sample.",
                e.message(lang)
            ),
            (NotBackup, Lang::Vi) => {
                "Tệp không phải bản sao lưu của thongbao. Không có gì thay đổi.".into()
            }
            (NotBackup, Lang::En) => "The file is not a thongbao backup. Nothing was changed.".into(),
            (TooNew(v), Lang::Vi) => format!(
                "Dữ liệu đã lưu do phiên bản mới hơn tạo ra (phiên bản {v}). Hãy dùng phiên bản mới nhất của ứng dụng."
            ),
            (TooNew(v), Lang::En) => format!(
                "The saved work was made by a newer version of the app (version {v}). Use the latest version."
            ),
        }
    }
}

fn corrupt(p: crate::JsonPlace) -> RestoreError {
    RestoreError::Corrupt(JsonError::Syntax(p))
}

fn misshapen(b: Bad) -> RestoreError {
    RestoreError::Corrupt(JsonError::Shape(b))
}

/// The data the browser keeps, apart from the rest of the work.
///
/// It has a key of its own, written only when the data changes (a file
/// loaded, a backup restored, "clear my data"), never by an edit: so an
/// edit in one tab can never replace the data another tab loaded, and an
/// edit is written at once without serialising thousands of units again.
/// A small dataset is kept here whole (`dataset: Some`); a large one is
/// kept in the browser's database under `id` and only named here.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredData {
    /// Names this load: a new load has a new id.
    pub id: String,
    /// The file names, for messages ("the data of «tuan-12.xlsx»").
    pub name: String,
    /// Unit rows held.
    pub units: usize,
    /// The data itself, when kept with this record.
    pub dataset: Option<Dataset>,
}

/// What another tab's [`StoredData`] names, read without its dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDataHead {
    pub id: String,
    pub name: String,
    pub units: usize,
}

impl StoredData {
    /// A record for `dataset`, kept whole (`inline`) or only named.
    pub fn new(id: String, dataset: &Dataset, inline: bool) -> StoredData {
        StoredData {
            id,
            name: dataset.source_names(),
            units: dataset.unit_rows(),
            dataset: inline.then(|| dataset.clone()),
        }
    }

    pub fn to_json(&self) -> String {
        json::ToJson::to_json_text(self)
    }

    pub fn from_json(s: &str) -> Result<StoredData, RestoreError> {
        json::parse(s).map_err(RestoreError::Corrupt)
    }

    /// Only the id, name and size (the dataset is not read into types).
    pub fn head_from_json(s: &str) -> Option<StoredDataHead> {
        let v = json::parse_value(s).ok()?;
        let o = Obj::of(&v).ok()?;
        let head = StoredDataHead {
            id: o.req("id"),
            name: o.req("name"),
            units: o.req("units"),
        };
        o.done(head).ok()
    }
}

json::to_json_struct!(StoredData {
    id,
    name,
    units,
    dataset
});
json::to_json_struct!(Saved {
    version,
    lang,
    fields,
    manual,
    settings,
    dataset,
    profile
});
json::to_json_struct!(Backup {
    kind,
    saved,
    history
});

crate::json::from_json_struct!(StoredData {
    id: req,
    name: req,
    units: req,
    dataset: opt,
});

impl Saved {
    pub fn to_json(&self) -> String {
        json::ToJson::to_json_text(self)
    }

    /// Read saved work of any earlier schema version.
    ///
    /// Version 0 (before versioning) kept the letter fields under "letter"
    /// and the language as a code ("vi"): both are read here, so every
    /// version goes through the one typed path. A field the file lacks
    /// takes its value from [`Saved::default`].
    pub fn from_json(s: &str) -> Result<Saved, RestoreError> {
        Saved::from_value(&json::parse_value(s).map_err(corrupt)?)
    }

    fn from_value(v: &Value) -> Result<Saved, RestoreError> {
        let version = json::version_of(v).map_err(misshapen)?;
        if version > VERSION {
            return Err(RestoreError::TooNew(version));
        }
        let o = Obj::of(v).map_err(misshapen)?;
        let d = Saved::default();
        let fields = match v.get("fields") {
            Some(f) if !f.is_null() => o.or("fields", d.fields),
            _ => o.or("letter", d.fields),
        };
        let saved = Saved {
            version: VERSION,
            lang: o.or("lang", d.lang),
            fields,
            manual: o.or("manual", d.manual),
            settings: o.or("settings", d.settings),
            dataset: o.opt("dataset"),
            profile: o.opt("profile"),
        };
        o.done(saved).map_err(misshapen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut s = Saved::default();
        s.fields.number = "2100".into();
        s.lang = Lang::En;
        let back = Saved::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn migrates_version_0() {
        let old = r#"{"lang":"en","letter":{"number":"77","place":"Mường Lát"}}"#;
        let s = Saved::from_json(old).unwrap();
        assert_eq!(s.version, VERSION);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.fields.number, "77");
        assert_eq!(s.fields.place, "Mường Lát");
        // Fields not in the old save keep their defaults.
        assert_eq!(s.fields.symbol, "UBND-VHTT");
    }

    #[test]
    fn refuses_corrupt_and_newer() {
        assert!(matches!(
            Saved::from_json("{nope"),
            Err(RestoreError::Corrupt(_))
        ));
        assert_eq!(
            Saved::from_json(r#"{"version":99}"#),
            Err(RestoreError::TooNew(99))
        );
    }
}

/// A backup file: the saved work and the history, in one JSON file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backup {
    pub kind: String,
    pub saved: Saved,
    pub history: Vec<crate::history::Snapshot>,
}

impl Backup {
    pub fn to_json(&self) -> String {
        let mut b = self.clone();
        b.kind = "thongbao-backup".into();
        json::ToJson::to_json_text(&b)
    }

    /// Read a backup; its saved work is migrated like [`Saved::from_json`];
    /// a history that cannot be read is left out (the saved work is not).
    pub fn from_json(s: &str) -> Result<Backup, RestoreError> {
        let v = json::parse_value(s).map_err(corrupt)?;
        Obj::of(&v).map_err(misshapen)?;
        if v.get("kind").and_then(Value::as_str) != Some("thongbao-backup") {
            return Err(RestoreError::NotBackup);
        }
        let saved = match v.get("saved") {
            Some(w) if !w.is_null() => Saved::from_value(w)?,
            _ => Saved::default(),
        };
        let history = v
            .get("history")
            .and_then(|h| Vec::from_json(h).ok())
            .unwrap_or_default();
        Ok(Backup {
            kind: "thongbao-backup".into(),
            saved,
            history,
        })
    }
}

#[cfg(test)]
mod stored_data_tests {
    use super::*;

    #[test]
    fn kept_whole_or_named_and_read_back() {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), "tuan.csv").unwrap();
        let whole = StoredData::new("7".into(), &d, true);
        assert_eq!((whole.name.as_str(), whole.units), ("tuan.csv", 12));
        assert_eq!(StoredData::from_json(&whole.to_json()).unwrap(), whole);
        let named = StoredData::new("8".into(), &d, false);
        assert_eq!(named.dataset, None);
        let head = StoredData::head_from_json(&whole.to_json()).unwrap();
        assert_eq!((head.id.as_str(), head.units), ("7", 12));
        assert!(matches!(
            StoredData::from_json("{"),
            Err(RestoreError::Corrupt(_))
        ));
        assert_eq!(StoredData::head_from_json("[]"), None);
    }

    #[test]
    fn restore_errors_in_both_languages() {
        let Err(e) = Saved::from_json("{\"version\":") else {
            panic!("read a cut file");
        };
        assert_eq!(
            e.message(Lang::Vi),
            "Dữ liệu đã lưu bị hỏng, không đọc được (dòng 1, cột 11: tệp bị cắt cụt). Ứng dụng bắt đầu lại với dữ liệu mẫu."
        );
        assert_eq!(
            e.message(Lang::En),
            "The saved work is damaged and cannot be read (line 1, column 11: the file ends too early). The app starts again with the sample."
        );
        assert_eq!(e.to_string(), e.message(Lang::Vi));
        for e in [RestoreError::TooNew(9), RestoreError::NotBackup] {
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            assert_ne!(vi, en);
            assert!(vi.contains("phiên bản") || vi.contains("sao lưu"), "{vi}");
            assert!(en.is_ascii(), "{en}");
        }
    }
}

#[cfg(test)]
mod backup_tests {
    use super::*;

    #[test]
    fn backup_round_trip_and_refusal() {
        let mut b = Backup::default();
        b.saved.fields.signer = "Lò Văn Bình".into();
        let back = Backup::from_json(&b.to_json()).unwrap();
        assert_eq!(back.saved.fields.signer, "Lò Văn Bình");
        assert_eq!(
            Backup::from_json("{\"saved\":{}}"),
            Err(RestoreError::NotBackup)
        );
        assert!(matches!(
            Backup::from_json("[1,"),
            Err(RestoreError::Corrupt(_))
        ));
    }
}
