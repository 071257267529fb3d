//! Checks shared by the fuzz targets: a written .docx must re-open and every
//! part must be well-formed XML 1.0, whatever text went into the letter.

use thongbao_core::letter::{Block, Letter};
use thongbao_core::office::xml::{check_well_formed, Reader, Token};
use thongbao_core::office::{Limits, ZipArchive};

/// The parts `export::docx::write` always writes.
pub const DOCX_PARTS: [&str; 10] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/_rels/document.xml.rels",
    "word/header1.xml",
    "word/header2.xml",
];

/// Characters XML 1.0 forbids anywhere in a document (the crate's tokenizer
/// does not check for them, so they are checked here).
pub fn forbidden_xml_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Unzips `bytes`, checks every part is UTF-8, well-formed and free of
/// forbidden characters, and returns the parts.
pub fn check_docx(bytes: &[u8]) -> Vec<(String, String)> {
    let z = ZipArchive::new(bytes, &Limits::default()).expect("written .docx re-opens as a zip");
    let mut parts = Vec::new();
    for e in z.entries() {
        let raw = z
            .read(e)
            .unwrap_or_else(|err| panic!("{}: {err:?}", e.name));
        let xml = String::from_utf8(raw).unwrap_or_else(|_| panic!("{} is not UTF-8", e.name));
        check_well_formed(&xml, &e.name, 256)
            .unwrap_or_else(|err| panic!("{} is not well-formed: {err:?}", e.name));
        if let Some((i, c)) = xml.char_indices().find(|&(_, c)| forbidden_xml_char(c)) {
            panic!(
                "{}: character U+{:04X} at byte {i} is not allowed in XML",
                e.name, c as u32
            );
        }
        parts.push((e.name.clone(), xml));
    }
    for name in DOCX_PARTS {
        assert!(parts.iter().any(|(n, _)| n == name), "{name} missing");
    }
    parts
}

/// The text of every `<w:t>` of a WordprocessingML part, entities decoded.
pub fn run_texts(xml: &str) -> Vec<String> {
    let mut r = Reader::new(xml, "word/document.xml", 256);
    let mut out = Vec::new();
    let mut in_t = false;
    while let Some(t) = r.next_token().expect("well-formed") {
        match t {
            Token::Start(tag) if tag.name == "w:t" => {
                in_t = !tag.empty;
                if in_t {
                    out.push(String::new());
                }
            }
            Token::End("w:t") => in_t = false,
            Token::Text(s) if in_t => out.last_mut().expect("open w:t").push_str(&s),
            _ => {}
        }
    }
    out
}

/// What a paragraph's text reads as once written and parsed back: characters
/// XML forbids dropped, line ends normalised as an XML parser does.
pub fn as_read_back(s: &str) -> String {
    let kept: String = s.chars().filter(|&c| !forbidden_xml_char(c)).collect();
    kept.replace("\r\n", "\n").replace('\r', "\n")
}

/// Writes the letter, checks the package, and checks that the letter's text
/// comes back out of document.xml as written: hostile text is escaped, never
/// markup.
pub fn write_and_check(letter: &Letter) -> Vec<u8> {
    let bytes = thongbao_core::export::docx::write(letter);
    let parts = check_docx(&bytes);
    let doc = &parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("document")
        .1;
    let texts = run_texts(doc);
    let mut expect: Vec<&str> = vec![
        &letter.number_line,
        &letter.subject,
        &letter.place_date,
        &letter.signer,
    ];
    expect.extend(letter.body.iter().map(Block::text));
    expect.extend(letter.noi_nhan.iter().map(String::as_str));
    let one;
    match letter.recipients.as_slice() {
        [] => {}
        [r] => {
            one = format!("Kính gửi: {r}");
            expect.push(&one);
        }
        many => expect.extend(many.iter().map(String::as_str)),
    }
    if !letter.appendix.rows.is_empty() && !letter.appendix.columns.is_empty() {
        expect.push(&letter.appendix.heading);
        expect.push(&letter.appendix.note);
        for row in &letter.appendix.rows {
            expect.extend(row.iter().map(String::as_str));
        }
    }
    for e in expect {
        let want = as_read_back(e);
        if want.is_empty() {
            continue;
        }
        assert!(
            texts.contains(&want),
            "{want:?} does not come back out of document.xml as one run"
        );
    }
    let core = &parts
        .iter()
        .find(|(n, _)| n == "docProps/core.xml")
        .expect("core")
        .1;
    let title = run_title(core);
    assert_eq!(title, as_read_back(&letter.subject), "dc:title");
    bytes
}

fn run_title(xml: &str) -> String {
    let mut r = Reader::new(xml, "docProps/core.xml", 64);
    let mut in_title = false;
    let mut out = String::new();
    while let Some(t) = r.next_token().expect("well-formed") {
        match t {
            Token::Start(tag) if tag.name == "dc:title" => in_title = !tag.empty,
            Token::End("dc:title") => in_title = false,
            Token::Text(s) if in_title => out.push_str(&s),
            _ => {}
        }
    }
    out
}
