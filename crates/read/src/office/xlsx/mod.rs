//! Reading .xlsx workbooks: values, fonts (the ingest layer converts text
//! in legacy fonts) and date formats.
//!
//! [`Xlsx::open`] reads the workbook part (sheet names, the 1904 flag), its
//! relationships, the styles and the shared strings; each worksheet part is
//! decompressed and parsed only when [`WorkbookReader::sheet`] asks for it.

pub(super) mod error;
mod sheet;

use super::numfmt::{builtin, classify, NumKind};
use super::xml::{local, Reader, Tag, Token};
use super::xstring::{join_pieces, unescape};
use super::zip::ZipArchive;
use super::{Limits, Sheet, Workbook, WorkbookReader, XmlError, XmlProblem, ZipError};
pub use error::XlsxError;
use sheet::{read_sheet, Ctx};

/// Loads a part as UTF-8 text; `Ok(None)` when the zip has no such entry.
pub(super) fn load(z: &ZipArchive, name: &str) -> Result<Option<String>, LoadError> {
    if z.find(name).is_none() {
        return Ok(None);
    }
    String::from_utf8(z.file(name)?).map(Some).map_err(|e| {
        LoadError::Xml(XmlError {
            part: name.to_string(),
            problem: XmlProblem::NotUtf8,
            pos: e.utf8_error().valid_up_to(),
        })
    })
}

/// Why a part could not be loaded: the zip, or text that is not UTF-8.
pub(super) enum LoadError {
    Zip(ZipError),
    Xml(XmlError),
}

impl From<ZipError> for LoadError {
    fn from(e: ZipError) -> Self {
        LoadError::Zip(e)
    }
}

impl From<LoadError> for XlsxError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::Zip(e) => XlsxError::Zip(e),
            LoadError::Xml(e) => XlsxError::Xml(e),
        }
    }
}

struct Rel {
    id: String,
    target: String,
    kind: String,
}

/// Resolves a relationship target against the part that holds the relationship.
fn resolve(part: &str, target: &str) -> String {
    let t = target.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let rel = match t.strip_prefix('/') {
        Some(abs) => abs,
        None => {
            if let Some((dir, _)) = part.rsplit_once('/') {
                parts.extend(dir.split('/').filter(|s| !s.is_empty()));
            }
            &t
        }
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn read_rels(z: &ZipArchive, part: &str, lim: &Limits) -> Result<Vec<Rel>, XlsxError> {
    let path = match part.rsplit_once('/') {
        Some((d, f)) => format!("{d}/_rels/{f}.rels"),
        None => format!("_rels/{part}.rels"),
    };
    let mut out = Vec::new();
    let Some(xml) = load(z, &path)? else {
        return Ok(out);
    };
    let mut r = Reader::new(&xml, &path, lim.max_depth);
    while let Some(t) = r.next_token()? {
        if let Token::Start(t) = t {
            if t.local() == "Relationship" && t.attr("TargetMode").as_deref() != Some("External") {
                out.push(Rel {
                    id: t.attr("Id").unwrap_or_default().into_owned(),
                    target: t.attr("Target").unwrap_or_default().into_owned(),
                    kind: t.attr("Type").unwrap_or_default().into_owned(),
                });
            }
        }
    }
    Ok(out)
}

pub(super) fn too_many(part: &str, lim: &Limits) -> XlsxError {
    XlsxError::Limit(super::LimitError::TooManyCells {
        sheet: part.to_string(),
        limit: lim.max_cells,
    })
}

#[derive(Default)]
pub(super) struct Styles {
    /// cellXfs: (font index, what the number format shows).
    xf: Vec<(usize, NumKind)>,
    /// Font names, `None` for the default font (fonts[0]).
    fonts: Vec<Option<String>>,
    default_font: String,
}

impl Styles {
    pub(super) fn kind(&self, s: usize) -> NumKind {
        self.xf.get(s).map_or(NumKind::Number, |x| x.1)
    }
    pub(super) fn font(&self, s: usize) -> Option<String> {
        self.xf
            .get(s)
            .and_then(|x| self.fonts.get(x.0))
            .cloned()
            .flatten()
    }
}

fn parse_styles(xml: &str, part: &str, lim: &Limits) -> Result<Styles, XlsxError> {
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut names: Vec<String> = Vec::new();
    let mut custom: Vec<(u32, NumKind)> = Vec::new();
    let mut xfs: Vec<(usize, u32)> = Vec::new();
    let mut sect = "";
    while let Some(t) = r.next_token()? {
        match t {
            Token::Start(t) => {
                let num = |a: &str| {
                    t.attr(a)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(0)
                };
                match (t.local(), sect) {
                    (s @ ("numFmts" | "fonts" | "cellXfs"), _) => sect = s,
                    ("numFmt", "numFmts") => custom.push((
                        num("numFmtId"),
                        classify(&t.attr("formatCode").unwrap_or_default()),
                    )),
                    ("font", "fonts") => names.push(String::new()),
                    ("name", "fonts") => {
                        if let Some(f) = names.last_mut() {
                            *f = t.attr("val").unwrap_or_default().into_owned();
                        }
                    }
                    ("xf", "cellXfs") => xfs.push((num("fontId") as usize, num("numFmtId"))),
                    _ => {}
                }
                if names.len() + custom.len() + xfs.len() > lim.max_cells {
                    return Err(too_many(part, lim));
                }
            }
            Token::End(n) if local(n) == sect => sect = "",
            _ => {}
        }
    }
    let default_font = names.first().cloned().unwrap_or_default();
    let fonts = names
        .into_iter()
        .map(|n| if n == default_font { None } else { Some(n) })
        .collect();
    let xf = xfs
        .into_iter()
        .map(|(font, id)| {
            let kind = custom
                .iter()
                .find(|c| c.0 == id)
                .map_or(builtin(id), |c| c.1);
            (font, kind)
        })
        .collect();
    Ok(Styles {
        xf,
        fonts,
        default_font,
    })
}

pub(super) struct SstItem {
    pub(super) text: String,
    /// First run font that is not the default font.
    pub(super) font: Option<String>,
}

fn parse_sst(
    xml: &str,
    part: &str,
    default_font: &str,
    lim: &Limits,
) -> Result<Vec<SstItem>, XlsxError> {
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut out = Vec::new();
    let (mut pieces, mut font): (Vec<(String, bool)>, _) = (Vec::new(), None);
    let (mut in_si, mut collect) = (false, false);
    while let Some(t) = r.next_token()? {
        match t {
            Token::Start(t) => match t.local() {
                "si" => {
                    in_si = true;
                    pieces.clear();
                    font = None;
                }
                "rPh" => r.skip_element()?,
                "t" if in_si => {
                    collect = true;
                    pieces.push((String::new(), preserves(&t)));
                }
                "rFont" if in_si && font.is_none() => {
                    font = t
                        .attr("val")
                        .filter(|v| *v != default_font)
                        .map(|v| v.into_owned());
                }
                _ => {}
            },
            Token::End(n) => match local(n) {
                "t" => collect = false,
                "si" if in_si => {
                    in_si = false;
                    if out.len() >= lim.max_cells {
                        return Err(too_many(part, lim));
                    }
                    out.push(SstItem {
                        text: unescape(&join_pieces(&pieces)).into_owned(),
                        font: font.take(),
                    });
                }
                _ => {}
            },
            Token::Text(s) if collect => {
                if let Some(p) = pieces.last_mut() {
                    p.0.push_str(&s);
                }
            }
            Token::Text(_) => {}
        }
    }
    Ok(out)
}

/// Does this `<t>` keep its surrounding whitespace (`xml:space="preserve"`)?
pub(super) fn preserves(t: &Tag) -> bool {
    t.attrs()
        .any(|(n, v)| n == "xml:space" && v.trim() == "preserve")
}

/// An .xlsx (or .xlsm) workbook opened for reading its sheets one by one.
pub struct Xlsx<'a> {
    zip: ZipArchive<'a>,
    lim: Limits,
    styles: Styles,
    sst: Vec<SstItem>,
    date1904: bool,
    names: Vec<String>,
    /// Each sheet's worksheet part, or why its relationship points nowhere.
    parts: Vec<Result<String, XlsxError>>,
    cells_used: usize,
}

/// The workbook part's sheets (name, relationship id) and its 1904 flag.
fn read_workbook_part(
    wb: &str,
    wb_path: &str,
    lim: &Limits,
) -> Result<(Vec<(String, String)>, bool), XlsxError> {
    let mut metas = Vec::new();
    let mut date1904 = false;
    let mut r = Reader::new(wb, wb_path, lim.max_depth);
    while let Some(t) = r.next_token()? {
        if let Token::Start(t) = t {
            match t.local() {
                "sheet" => metas.push((
                    t.attr("name").unwrap_or_default().into_owned(),
                    t.attr("id").unwrap_or_default().into_owned(),
                )),
                // Extensions may add a second workbookPr without the
                // attribute: only an element that has it decides.
                "workbookPr" => {
                    if let Some(v) = t.attr("date1904") {
                        date1904 = matches!(v.trim(), "1" | "true");
                    }
                }
                _ => {}
            }
        }
        if metas.len() > lim.max_cells {
            return Err(too_many(wb_path, lim));
        }
    }
    Ok((metas, date1904))
}

impl<'a> Xlsx<'a> {
    /// Opens the workbook: sheet names, styles, shared strings, 1904 flag.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, XlsxError> {
        Self::from_zip(ZipArchive::new(bytes, limits)?, limits)
    }

    /// [`Xlsx::open`] on a zip already opened.
    pub fn from_zip(z: ZipArchive<'a>, limits: &Limits) -> Result<Self, XlsxError> {
        let mut wb_path = "xl/workbook.xml".to_string();
        for r in read_rels(&z, "", limits)? {
            if r.kind.ends_with("/officeDocument") {
                wb_path = resolve("", &r.target);
            }
        }
        if wb_path.ends_with(".bin")
            || (z.find("xl/workbook.bin").is_some() && z.find(&wb_path).is_none())
        {
            return Err(XlsxError::Xlsb);
        }
        let wb = load(&z, &wb_path)?.ok_or_else(|| ZipError::MissingPart(wb_path.clone()))?;
        let (metas, date1904) = read_workbook_part(&wb, &wb_path, limits)?;
        drop(wb);
        let rels = read_rels(&z, &wb_path, limits)?;
        let part_of = |suffix: &str, default: &str| {
            rels.iter()
                .find(|r| r.kind.ends_with(suffix))
                .map_or_else(|| default.to_string(), |r| resolve(&wb_path, &r.target))
        };
        let path = part_of("/styles", "xl/styles.xml");
        let styles = match load(&z, &path)? {
            Some(x) => parse_styles(&x, &path, limits)?,
            None => Styles::default(),
        };
        let path = part_of("/sharedStrings", "xl/sharedStrings.xml");
        let sst = match load(&z, &path)? {
            Some(x) => parse_sst(&x, &path, &styles.default_font, limits)?,
            None => Vec::new(),
        };
        if metas.is_empty() {
            return Err(XlsxError::NoSheets);
        }
        let (names, parts) = metas
            .into_iter()
            .map(|(name, rid)| {
                let part = rels
                    .iter()
                    .find(|r| r.id == rid)
                    .map(|r| resolve(&wb_path, &r.target))
                    .ok_or_else(|| XlsxError::BadReference {
                        part: wb_path.clone(),
                        value: rid,
                    });
                (name, part)
            })
            .unzip();
        Ok(Xlsx {
            zip: z,
            lim: *limits,
            styles,
            sst,
            date1904,
            names,
            parts,
            cells_used: 0,
        })
    }

    fn parse(&mut self, i: usize) -> Result<Sheet, XlsxError> {
        let name = self.names.get(i).cloned().unwrap_or_default();
        let target = match self.parts.get(i) {
            Some(Ok(t)) => t.clone(),
            Some(Err(e)) => return Err(e.clone()),
            None => return Err(XlsxError::NoSheets),
        };
        let xml = load(&self.zip, &target)?.ok_or_else(|| ZipError::MissingPart(target.clone()))?;
        let mut ctx = Ctx {
            styles: &self.styles,
            sst: &self.sst,
            date1904: self.date1904,
            lim: &self.lim,
            cells_used: self.cells_used,
        };
        let rows = read_sheet(&xml, &target, &name, &mut ctx);
        self.cells_used = ctx.cells_used;
        Ok(Sheet { name, rows: rows? })
    }
}

impl WorkbookReader for Xlsx<'_> {
    type Error = XlsxError;

    fn sheet_names(&self) -> &[String] {
        &self.names
    }

    fn sheet(&mut self, index: usize) -> Option<Result<Sheet, XlsxError>> {
        (index < self.names.len()).then(|| self.parse(index))
    }
}

/// Reads every sheet of an .xlsx (or .xlsm) workbook.
pub fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Workbook, XlsxError> {
    Xlsx::open(bytes, limits)?.read_all()
}
