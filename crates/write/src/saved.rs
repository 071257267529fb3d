//! What the app keeps in the browser between visits, with a schema version
//! and migrations, so an update never loses a clerk's work.

use crate::letter::LetterFields;
use crate::model::Dataset;
use crate::stats::{Manual, Settings};
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Current schema version of [`Saved`].
pub const VERSION: u32 = 1;

/// The saved work: settings, letter fields, typed figures and the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    #[serde(alias = "letter")]
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

/// Why saved work could not be restored.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RestoreError {
    #[error("Dữ liệu đã lưu bị hỏng, không đọc được ({0}). Ứng dụng bắt đầu lại với dữ liệu mẫu.")]
    Corrupt(String),
    #[error("Dữ liệu đã lưu do phiên bản mới hơn tạo ra (phiên bản {0}). Hãy dùng phiên bản mới nhất của ứng dụng.")]
    TooNew(u32),
}

impl Saved {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read saved work of any earlier schema version.
    ///
    /// Version 0 (before versioning) kept the letter fields under "letter"
    /// and the language as a code ("vi"): serde aliases read both, so every
    /// version goes through the one typed path (no `serde_json::Value`,
    /// whose machinery would double the serde code in the WASM).
    pub fn from_json(s: &str) -> Result<Saved, RestoreError> {
        #[derive(Deserialize)]
        struct Version {
            #[serde(default)]
            version: u32,
        }
        let corrupt = |e: serde_json::Error| RestoreError::Corrupt(crate::json_error_place(&e));
        let v: Version = serde_json::from_str(s).map_err(corrupt)?;
        if v.version > VERSION {
            return Err(RestoreError::TooNew(v.version));
        }
        let mut saved: Saved = serde_json::from_str(s).map_err(corrupt)?;
        saved.version = VERSION;
        Ok(saved)
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Backup {
    pub kind: String,
    pub saved: Saved,
    pub history: Vec<crate::history::Snapshot>,
}

impl Backup {
    pub fn to_json(&self) -> String {
        let mut b = self.clone();
        b.kind = "thongbao-backup".into();
        serde_json::to_string(&b).unwrap_or_default()
    }

    /// Read a backup; its saved work is migrated like [`Saved::from_json`];
    /// a history that cannot be read is left out (the saved work is not).
    pub fn from_json(s: &str) -> Result<Backup, RestoreError> {
        use serde_json::value::RawValue;
        #[derive(Deserialize)]
        struct Wire<'a> {
            #[serde(default)]
            kind: String,
            #[serde(borrow)]
            saved: Option<&'a RawValue>,
            #[serde(borrow)]
            history: Option<&'a RawValue>,
        }
        let w: Wire = serde_json::from_str(s)
            .map_err(|e| RestoreError::Corrupt(crate::json_error_place(&e)))?;
        if w.kind != "thongbao-backup" {
            return Err(RestoreError::Corrupt(
                "không phải tệp sao lưu của thongbao / not a thongbao backup".into(),
            ));
        }
        let saved = Saved::from_json(w.saved.map_or("{}", RawValue::get))?;
        let history = w
            .history
            .and_then(|h| serde_json::from_str(h.get()).ok())
            .unwrap_or_default();
        Ok(Backup {
            kind: "thongbao-backup".into(),
            saved,
            history,
        })
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
        assert!(Backup::from_json("{\"saved\":{}}").is_err());
    }
}
