//! "Hồ sơ lưu": the record a văn thư files with an issued letter — one
//! .zip holding what the letter rests on, so that a year later anyone can
//! see which figures it came from and that the files are the same.
//!
//! Layout (paths inside the zip):
//!
//! ```text
//! manifest.json            kind "thongbao-archive": every file below with its
//!                          size and SHA-256, the read options, the report date,
//!                          the totals, the app version, when it was made
//! manifest.txt             the same, for people, in Vietnamese
//! so-lieu/<file name>      the input files, byte for byte as they were dropped
//! <letter>.docx            the letter, as "Tải công văn (.docx)" writes it
//! <table>.xlsx             the table, as "Tải bảng (.xlsx)" writes it
//! ho-so-bao-cao.json       the report profile ("Lưu hồ sơ đơn vị")
//! cong-viec.json           the letter fields, typed figures and settings
//!                          (the saved work without its dataset)
//! ```
//!
//! [`open`] checks every listed file's size and hash before anything is
//! used, and gives back the inputs, the read options, the profile and the
//! work, so the app reads the same inputs the same way and shows the same
//! letter. The manifest does not list itself nor `manifest.txt`.

pub mod sha256;

use crate::ingest::ReadOptions;
use crate::json::{self, Bad, FromJson, JsonError, Value};
use crate::letter::profile::ProfileError;
use crate::letter::Profile;
use crate::office::{Limits, ZipArchive, ZipError, ZipWriter};
use crate::saved::{RestoreError, Saved};
use crate::{date::Date, format, Lang};

/// `kind` of the manifest.
pub const KIND: &str = "thongbao-archive";
/// Version of the manifest's schema.
pub const VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const MANIFEST_TXT: &str = "manifest.txt";
pub const PROFILE_PATH: &str = "ho-so-bao-cao.json";
pub const WORK_PATH: &str = "cong-viec.json";
/// Folder of the input files.
pub const INPUTS_DIR: &str = "so-lieu/";
pub const MIME: &str = "application/zip";

/// What a file of the archive is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An input file, as dropped.
    Input,
    /// The letter (.docx).
    Letter,
    /// The table of units (.xlsx).
    Table,
    /// The report profile (JSON).
    Profile,
    /// The letter fields, typed figures and settings (JSON).
    Work,
}

impl Role {
    fn label_vi(self) -> &'static str {
        match self {
            Role::Input => "tệp số liệu gốc",
            Role::Letter => "công văn (.docx)",
            Role::Table => "bảng số liệu (.xlsx)",
            Role::Profile => "hồ sơ báo cáo của đơn vị",
            Role::Work => "nội dung công văn, số liệu nhập tay, cài đặt",
        }
    }
}

/// One file of the archive, as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    /// Its path inside the zip.
    pub path: String,
    pub role: Role,
    /// Its name as it was given (an input's original file name).
    pub name: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256, 64 lowercase hex digits.
    pub sha256: String,
}

/// A total as the page shows it and as an integer (`value` / 10^`decimals`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Total {
    /// The page's test hook id without "total-" (`unit-count`, `scans`, `install-rate`…).
    pub id: String,
    /// Its Vietnamese label.
    pub label: String,
    /// As shown on the page ("4.336", "30,0%").
    pub shown: String,
    pub value: i64,
    /// Decimal places of `value` (a rate of 30,0% is 300 with 1).
    pub decimals: u8,
}

/// The roles' names in the manifest, in declaration order (read and
/// written from this one table).
const ROLE_NAMES: [&str; 5] = ["input", "letter", "table", "profile", "work"];

impl json::ToJson for Role {
    fn write_json(&self, out: &mut String) {
        json::write_unit(out, ROLE_NAMES[*self as usize]);
    }
}

json::to_json_struct!(FileEntry {
    path,
    role,
    name,
    size,
    sha256
});
json::to_json_struct!(Total {
    id,
    label,
    shown,
    value,
    decimals
});
json::to_json_struct!(Manifest {
    kind,
    version,
    app,
    app_version,
    made,
    report_date,
    read_options,
    totals,
    files,
});

impl FromJson for Role {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        use Role::*;
        Ok([Input, Letter, Table, Profile, Work][json::unit_variant(v, &ROLE_NAMES)?])
    }
}

crate::json::from_json_struct!(FileEntry {
    path: req,
    role: need,
    name: req,
    size: req,
    sha256: req,
});

crate::json::from_json_struct!(Total {
    id: req,
    label: req,
    shown: req,
    value: req,
    decimals: or_default,
});

crate::json::from_json_struct!(Manifest {
    kind: req,
    version: req,
    app: req,
    app_version: req,
    made: req,
    report_date: opt,
    read_options: req,
    totals: req,
    files: req,
});

/// A report's totals as the page shows them: the units, the groups
/// (districts) when there are any, then each card's figure (`kpis`) that
/// has a total; ids are the figures' (or the page's own name the report
/// keeps for one: the COVID rate's `install-rate`, its districts'
/// `district-count`).
pub fn report_totals(c: &crate::engine::Computed, spec: &crate::spec::ReportSpec) -> Vec<Total> {
    let units = c.current.units.len() as i64;
    let mut out = vec![Total {
        id: "unit-count".into(),
        label: "Số đơn vị".into(),
        shown: format::int(units),
        value: units,
        decimals: 0,
    }];
    if c.grouped {
        let n = c.group_count() as i64;
        out.push(Total {
            id: spec.hook("group-count", || "group-count".into()),
            label: "Số huyện".into(),
            shown: format::int(n),
            value: n,
            decimals: 0,
        });
    }
    for id in &spec.kpis {
        let Some(k) = c.index(id) else { continue };
        let (f, Some(v)) = (&c.figures[k], c.current.totals[k]) else {
            continue;
        };
        out.push(Total {
            // The page's own name where the report keeps one (the COVID
            // rate's `install-rate`).
            id: spec.hook(id, || id.clone()),
            label: f.name.clone(),
            shown: f.text(v),
            value: v.rounded(f.decimals),
            decimals: f.decimals,
        });
    }
    out
}

/// What the archive says about itself, besides its files.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// `CARGO_PKG_VERSION` of the app.
    pub app_version: String,
    /// When it was made: ISO 8601 with the clerk's time zone offset.
    pub made: String,
    pub report_date: Option<Date>,
    pub read_options: ReadOptions,
    pub totals: Vec<Total>,
    /// File name of the letter in the archive ("cong-van-2100-UBND.docx").
    pub letter_name: String,
    /// File name of the table ("so-lieu-2021-11-16.xlsx").
    pub table_name: String,
}

/// `manifest.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub kind: String,
    pub version: u32,
    pub app: String,
    pub app_version: String,
    pub made: String,
    /// ISO date (2021-11-16), when the data has one.
    pub report_date: Option<String>,
    pub read_options: ReadOptions,
    pub totals: Vec<Total>,
    pub files: Vec<FileEntry>,
}

impl Manifest {
    /// The report date as the letter writes it (16/11/2021).
    pub fn report_date_text(&self) -> Option<String> {
        self.report_date
            .as_deref()
            .and_then(Date::parse)
            .map(Date::dmy)
    }

    /// `manifest.txt`: the manifest for people, in Vietnamese. Its hash
    /// lines are in `sha256sum`'s format.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str("HỒ SƠ LƯU CÔNG VĂN — thongbao\n");
        s.push_str("==============================\n\n");
        s.push_str(&format!(
            "Phiên bản ứng dụng: {} {}\n",
            self.app, self.app_version
        ));
        s.push_str(&format!("Lập lúc: {}\n", self.made));
        s.push_str(&format!(
            "Ngày báo cáo: {}\n",
            self.report_date_text().unwrap_or_else(|| "không rõ".into())
        ));
        let opts = if self.read_options == ReadOptions::default() {
            "mặc định (ứng dụng tự nhận mã ký tự, dấu phân cách, trang tính và cột)".into()
        } else {
            self.read_options.to_json()
        };
        s.push_str(&format!("Tùy chọn đọc tệp: {opts}\n\n"));
        s.push_str("Số liệu tổng hợp (như trên trang; trong ngoặc: số nguyên):\n");
        for t in &self.totals {
            s.push_str(&format!("  {}: {} ({})\n", t.label, t.shown, t.value));
        }
        s.push_str("\nCác tệp trong hồ sơ:\n");
        for f in &self.files {
            s.push_str(&format!(
                "  {} — {}, {} byte{}\n",
                f.path,
                f.role.label_vi(),
                format::int(f.size as i64),
                if f.role == Role::Input && !f.path.ends_with(&f.name) {
                    format!(", tên gốc «{}»", f.name)
                } else {
                    String::new()
                }
            ));
        }
        s.push_str(
            "\nMã băm SHA-256 (kiểm tra: sha256sum -c manifest.txt; các dòng khác được bỏ qua):\n",
        );
        for f in &self.files {
            s.push_str(&format!("{}  {}\n", f.sha256, f.path));
        }
        s.push_str(
            "\nMở tệp .zip này trong thongbao (chọn hoặc kéo thả như tệp số liệu) để xem lại \
             đúng số liệu và công văn này; ứng dụng kiểm tra mã băm của từng tệp trước.\n",
        );
        s
    }
}

/// A name safe as one path segment of the zip (no folders, no control
/// characters, never empty or "." / "..").
fn segment(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let s = s.trim().to_string();
    if s.is_empty() || s.chars().all(|c| c == '.') {
        "tep".into()
    } else {
        s
    }
}

/// The archive: `inputs` (name, bytes as given), the letter, the table,
/// the profile and the work, listed with their hashes in the manifest.
pub fn build(
    inputs: &[(String, Vec<u8>)],
    docx: &[u8],
    xlsx: &[u8],
    profile_json: &str,
    work_json: &str,
    meta: &Meta,
) -> Vec<u8> {
    let mut parts: Vec<(String, Role, String, &[u8])> = Vec::new();
    for (name, bytes) in inputs {
        let base = segment(name);
        let mut path = format!("{INPUTS_DIR}{base}");
        let mut n = 2;
        while parts.iter().any(|(p, ..)| p.eq_ignore_ascii_case(&path)) {
            path = format!("{INPUTS_DIR}{n}-{base}");
            n += 1;
        }
        parts.push((path, Role::Input, name.clone(), bytes));
    }
    for (name, role, bytes) in [
        (segment(&meta.letter_name), Role::Letter, docx),
        (segment(&meta.table_name), Role::Table, xlsx),
        (
            PROFILE_PATH.to_string(),
            Role::Profile,
            profile_json.as_bytes(),
        ),
        (WORK_PATH.to_string(), Role::Work, work_json.as_bytes()),
    ] {
        parts.push((name.clone(), role, name, bytes));
    }
    let manifest = Manifest {
        kind: KIND.into(),
        version: VERSION,
        app: "thongbao".into(),
        app_version: meta.app_version.clone(),
        made: meta.made.clone(),
        report_date: meta.report_date.map(Date::iso),
        read_options: meta.read_options.clone(),
        totals: meta.totals.clone(),
        files: parts
            .iter()
            .map(|(path, role, name, bytes)| FileEntry {
                path: path.clone(),
                role: *role,
                name: name.clone(),
                size: bytes.len() as u64,
                sha256: sha256::hex(bytes),
            })
            .collect(),
    };
    let mut z = ZipWriter::new();
    z.add(
        MANIFEST,
        json::pretty(&json::ToJson::to_json_text(&manifest)).as_bytes(),
    );
    z.add(MANIFEST_TXT, manifest.to_text().as_bytes());
    for (path, _, _, bytes) in &parts {
        z.add(path, bytes);
    }
    z.finish()
}

/// An archive opened and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub manifest: Manifest,
    /// The input files, with their original names, in order.
    pub inputs: Vec<(String, Vec<u8>)>,
    pub profile: Profile,
    /// The letter fields, typed figures and settings (no dataset).
    pub work: Saved,
}

impl Opened {
    /// The read options the inputs were read with.
    pub fn read_options(&self) -> &ReadOptions {
        &self.manifest.read_options
    }
}

/// Why an archive cannot be used. Nothing is restored from it then.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum ArchiveError {
    /// Not a thongbao archive (not a zip, or a zip without our manifest):
    /// the bytes are some other file, to be read as data.
    NotArchive,
    /// The zip itself (or one entry) cannot be read.
    Damaged(ZipError),
    /// `manifest.json` is not a readable manifest: where, and why.
    Manifest(JsonError),
    /// Made by a newer version of thongbao.
    TooNew(u32),
    /// A file the manifest lists is not in the zip.
    Missing(String),
    /// A file's bytes are not the ones the manifest lists: changed since.
    Mismatch(String),
    /// The profile or the work cannot be read.
    Part { name: String, fault: PartFault },
    /// The manifest lists no input file.
    NoInputs,
    /// The inputs passed every check but cannot be read again (by a later
    /// version of the reader, say).
    Unreadable(crate::ingest::IngestError),
}

impl ArchiveError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use ArchiveError::*;
        match (self, lang) {
            (NotArchive, Lang::Vi) => "Tệp không phải hồ sơ lưu của thongbao.".into(),
            (NotArchive, Lang::En) => "The file is not a thongbao archive.".into(),
            (Damaged(e), Lang::Vi) => format!("Hồ sơ lưu bị hỏng, không mở được: {}", e.message(lang)),
            (Damaged(e), Lang::En) => format!("The archive is damaged and cannot be opened: {}", e.message(lang)),
            (Manifest(place), Lang::Vi) => format!("Hồ sơ lưu bị hỏng: không đọc được «manifest.json» ({}). Không có gì thay đổi.", place.message(lang)),
            (Manifest(place), Lang::En) => format!("The archive is damaged: “manifest.json” cannot be read ({}). Nothing was changed.", place.message(lang)),
            (TooNew(v), Lang::Vi) => format!("Hồ sơ lưu do phiên bản mới hơn của ứng dụng tạo ra (phiên bản {v}). Hãy dùng phiên bản mới nhất."),
            (TooNew(v), Lang::En) => format!("The archive was made by a newer version of the app (version {v}). Use the latest version."),
            (Missing(n), Lang::Vi) => format!("Hồ sơ lưu thiếu tệp «{n}» mà bản kê (manifest) liệt kê. Không có gì thay đổi."),
            (Missing(n), Lang::En) => format!("The archive lacks the file “{n}” its manifest lists. Nothing was changed."),
            (Mismatch(n), Lang::Vi) => format!("Tệp «{n}» trong hồ sơ lưu đã bị thay đổi: mã băm SHA-256 không khớp với bản kê (manifest). Không có gì thay đổi; hãy lấy lại bản hồ sơ gốc."),
            (Mismatch(n), Lang::En) => format!("The file “{n}” in the archive has been changed: its SHA-256 does not match the manifest. Nothing was changed; get the original archive again."),
            (Part { name, fault }, Lang::Vi) => format!("Không đọc được «{name}» trong hồ sơ lưu: {}. Không có gì thay đổi.", fault.message(lang)),
            (Part { name, fault }, Lang::En) => format!("“{name}” in the archive cannot be read: {}. Nothing was changed.", fault.message(lang)),
            (NoInputs, Lang::Vi) => "Hồ sơ lưu không có tệp số liệu nào. Không có gì thay đổi.".into(),
            (NoInputs, Lang::En) => "The archive holds no data file. Nothing was changed.".into(),
            (Unreadable(e), Lang::Vi) => format!("Không đọc lại được tệp số liệu của hồ sơ lưu: {} Không có gì thay đổi.", e.message(lang)),
            (Unreadable(e), Lang::En) => format!("The archive's data file cannot be read again: {} Nothing was changed.", e.message(lang)),
        }
    }
}

/// Why the profile or the work inside an archive cannot be read.
#[derive(Clone, Debug, PartialEq)]
pub enum PartFault {
    Profile(ProfileError),
    Work(RestoreError),
}

impl PartFault {
    /// In the page's language. A JSON fault is said by its place only: the
    /// rest of those messages is about a profile chosen on the page or the
    /// work found at start-up, not a file of an archive.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PartFault::Profile(ProfileError::Json { place })
            | PartFault::Work(RestoreError::Corrupt(JsonError::Syntax(place))) => {
                place.message(lang)
            }
            PartFault::Profile(e) => e.message(lang),
            PartFault::Work(e) => e.message(lang),
        }
    }
}

/// Whether `bytes` look like a thongbao archive (a zip with our manifest);
/// cheap: reads only the zip directory and the manifest's kind.
pub fn is_archive(bytes: &[u8]) -> bool {
    !matches!(manifest_text(bytes), Err(ArchiveError::NotArchive))
}

/// The zip and the manifest's text, or `NotArchive`.
fn manifest_text(bytes: &[u8]) -> Result<(ZipArchive<'_>, String), ArchiveError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ArchiveError::NotArchive);
    }
    let zip = ZipArchive::new(bytes, &Limits::default()).map_err(|_| ArchiveError::NotArchive)?;
    let entry = zip
        .entries()
        .iter()
        .find(|e| e.name == MANIFEST)
        .ok_or(ArchiveError::NotArchive)?
        .clone();
    let raw = zip.read(&entry).map_err(ArchiveError::Damaged)?;
    let text = String::from_utf8(raw).map_err(|_| ArchiveError::NotArchive)?;
    match json::parse_value(&text) {
        Ok(v) if v.get("kind").and_then(Value::as_str) == Some(KIND) => Ok((zip, text)),
        _ => Err(ArchiveError::NotArchive),
    }
}

/// Open an archive: every file the manifest lists must be there with its
/// size and SHA-256; then the inputs, the profile and the work.
pub fn open(bytes: &[u8]) -> Result<Opened, ArchiveError> {
    let (zip, text) = manifest_text(bytes)?;
    let v = json::parse_value(&text).map_err(|p| ArchiveError::Manifest(JsonError::Syntax(p)))?;
    let shape = |b: Bad| ArchiveError::Manifest(JsonError::Shape(b));
    let version = json::version_of(&v).map_err(shape)?;
    if version > VERSION {
        return Err(ArchiveError::TooNew(version));
    }
    let manifest = Manifest::from_json(&v).map_err(shape)?;
    let mut inputs = Vec::new();
    let mut profile = None;
    let mut work = None;
    for f in &manifest.files {
        // Exact names: a listed file is never found under another case.
        let entry = zip
            .entries()
            .iter()
            .find(|e| e.name == f.path)
            .ok_or_else(|| ArchiveError::Missing(f.path.clone()))?;
        if entry.size != f.size {
            return Err(ArchiveError::Mismatch(f.path.clone()));
        }
        let data = zip.read(entry).map_err(|e| match e {
            ZipError::BadEntry(_) => ArchiveError::Mismatch(f.path.clone()),
            e => ArchiveError::Damaged(e),
        })?;
        if !sha256::hex(&data).eq_ignore_ascii_case(f.sha256.trim()) {
            return Err(ArchiveError::Mismatch(f.path.clone()));
        }
        match f.role {
            Role::Input => inputs.push((f.name.clone(), data)),
            Role::Profile => profile = Some((f.path.clone(), data)),
            Role::Work => work = Some((f.path.clone(), data)),
            Role::Letter | Role::Table => {}
        }
    }
    if inputs.is_empty() {
        return Err(ArchiveError::NoInputs);
    }
    let part = |name: &str, fault: PartFault| ArchiveError::Part {
        name: name.to_string(),
        fault,
    };
    let (pname, pbytes) = profile.ok_or_else(|| ArchiveError::Missing(PROFILE_PATH.into()))?;
    let profile = Profile::from_json(&String::from_utf8_lossy(&pbytes))
        .map_err(|e| part(&pname, PartFault::Profile(e)))?;
    let (wname, wbytes) = work.ok_or_else(|| ArchiveError::Missing(WORK_PATH.into()))?;
    let mut work = Saved::from_json(&String::from_utf8_lossy(&wbytes))
        .map_err(|e| part(&wname, PartFault::Work(e)))?;
    // The record's data are its inputs, never a dataset inside the work.
    work.dataset = None;
    Ok(Opened {
        manifest,
        inputs,
        profile,
        work,
    })
}

#[cfg(test)]
mod tests;
