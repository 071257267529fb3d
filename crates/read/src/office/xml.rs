//! A small XML pull tokenizer, sufficient for OOXML and ODF parts.
//!
//! Text and attribute values borrow from the input unless they contain
//! entities. Namespace prefixes are kept as written ("x:c"); use [`local`] to
//! drop them. DOCTYPE, comments and processing instructions are skipped
//! (entities declared in a DOCTYPE are never expanded). Nesting deeper than the
//! limit is an error; nothing here recurses.

use std::borrow::Cow;

use super::{XmlError, XmlProblem};

#[derive(Clone, Debug, PartialEq)]
pub enum Token<'a> {
    /// A start tag. A self-closing tag (`empty`) is followed by a matching `End`.
    Start(Tag<'a>),
    /// An end tag, name as written.
    End(&'a str),
    /// Character data (entities decoded) or a CDATA section.
    Text(Cow<'a, str>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tag<'a> {
    pub name: &'a str,
    attrs: &'a str,
    pub empty: bool,
}

/// The name without its namespace prefix.
pub fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Tag<'a> {
    pub fn local(&self) -> &'a str {
        local(self.name)
    }

    /// Attributes as (name as written, decoded value).
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs { s: self.attrs }
    }

    /// The value of the first attribute whose local name is `name`.
    pub fn attr(&self, name: &str) -> Option<Cow<'a, str>> {
        self.attrs().find(|(n, _)| local(n) == name).map(|(_, v)| v)
    }
}

/// Iterator over the (already validated) attributes of a tag.
pub struct Attrs<'a> {
    s: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, Cow<'a, str>);
    fn next(&mut self) -> Option<Self::Item> {
        let s = self.s.trim_start();
        let (name, rest) = s.split_once('=')?;
        let rest = rest.trim_start();
        let q = rest.chars().next()?;
        let rest = rest.get(1..)?;
        let (raw, after) = rest.split_once(q)?;
        self.s = after;
        Some((name.trim(), decode(raw).unwrap_or(Cow::Borrowed(raw))))
    }
}

/// Decodes one entity reference; `s` starts just after '&'. Returns the
/// character and the number of bytes consumed (including the ';').
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(..end)?;
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = body.strip_prefix('#')?;
            let v = match n.strip_prefix('x') {
                Some(h) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(h, 16).ok()?
                }
                None if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok()?,
                _ => return None,
            };
            if v == 0 {
                return None;
            }
            char::from_u32(v)?
        }
    };
    Some((c, end + 1))
}

/// Decodes entities and normalises line ends; `None` on a bad entity.
pub fn decode(raw: &str) -> Option<Cow<'_, str>> {
    if !raw.bytes().any(|b| b == b'&' || b == b'\r') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '\r']) {
        out.push_str(rest.get(..i)?);
        let after = rest.get(i + 1..)?;
        if rest.as_bytes().get(i) == Some(&b'&') {
            let (c, n) = entity(after)?;
            out.push(c);
            rest = after.get(n..)?;
        } else {
            out.push('\n');
            rest = after.strip_prefix('\n').unwrap_or(after);
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn find(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

pub struct Reader<'a> {
    s: &'a str,
    pos: usize,
    stack: Vec<&'a str>,
    pending: Option<&'a str>,
    max_depth: usize,
    /// Elements open above where reading started (see [`Reader::resume`]).
    outer: usize,
    part: String,
}

impl<'a> Reader<'a> {
    /// `part` names the zip entry in error messages.
    pub fn new(s: &'a str, part: &str, max_depth: usize) -> Self {
        let s = s.strip_prefix('\u{feff}').unwrap_or(s);
        Reader {
            s,
            pos: 0,
            stack: Vec::new(),
            pending: None,
            max_depth,
            outer: 0,
            part: part.to_string(),
        }
    }

    /// Reads `s` from byte `pos` (where [`Reader::pos`] was before a token),
    /// as if `outer` elements were open around it: they count towards the
    /// depth limit, and reading should stop at the end of the element that
    /// starts there (its parents' end tags would not match). `s` must be the
    /// text the first reader had (after its byte-order mark).
    pub fn resume(s: &'a str, part: &str, max_depth: usize, pos: usize, outer: usize) -> Self {
        Reader {
            s,
            pos: pos.min(s.len()),
            stack: Vec::new(),
            pending: None,
            max_depth,
            outer,
            part: part.to_string(),
        }
    }

    /// Byte offset of the next token (in the text after any byte-order mark).
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn err(&self, problem: XmlProblem) -> XmlError {
        XmlError {
            part: self.part.clone(),
            problem,
            pos: self.pos,
        }
    }

    /// Number of open elements.
    pub fn depth(&self) -> usize {
        self.outer + self.stack.len()
    }

    fn slice(&self, a: usize, b: usize) -> Result<&'a str, XmlError> {
        self.s.get(a..b).ok_or_else(|| self.err(XmlProblem::Syntax))
    }

    fn name_end(&self, from: usize) -> usize {
        let b = self.s.as_bytes();
        let mut i = from;
        while let Some(&c) = b.get(i) {
            if is_ws(c) || matches!(c, b'/' | b'>' | b'=' | b'<' | b'"' | b'\'') {
                break;
            }
            i += 1;
        }
        i
    }

    fn skip_ws(&mut self) {
        while self.s.as_bytes().get(self.pos).is_some_and(|&c| is_ws(c)) {
            self.pos += 1;
        }
    }

    fn skip_past(&mut self, needle: &[u8]) -> Result<(), XmlError> {
        let i = find(self.s.as_bytes(), self.pos, needle)
            .ok_or_else(|| self.err(XmlProblem::Unclosed))?;
        self.pos = i + needle.len();
        Ok(())
    }

    /// After a `Start` token: skips to the end of that element (its `End` is consumed).
    pub fn skip_element(&mut self) -> Result<(), XmlError> {
        if self.pending.take().is_some() {
            return Ok(());
        }
        let depth = self.stack.len();
        while let Some(t) = self.next_token()? {
            if matches!(t, Token::End(_)) && self.stack.len() < depth {
                break;
            }
        }
        Ok(())
    }

    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, XmlError> {
        if let Some(n) = self.pending.take() {
            return Ok(Some(Token::End(n)));
        }
        let b = self.s.as_bytes();
        loop {
            let Some(&c) = b.get(self.pos) else {
                return if self.stack.is_empty() {
                    Ok(None)
                } else {
                    Err(self.err(XmlProblem::Unclosed))
                };
            };
            let start = self.pos;
            if c != b'<' {
                let end = b
                    .get(start..)
                    .and_then(|r| r.iter().position(|&x| x == b'<'))
                    .map_or(b.len(), |i| i + start);
                self.pos = end;
                if self.stack.is_empty() {
                    continue; // whitespace (or junk) outside the root element
                }
                let raw = self.slice(start, end)?;
                let t = decode(raw).ok_or_else(|| XmlError {
                    part: self.part.clone(),
                    problem: XmlProblem::BadEntity,
                    pos: start,
                })?;
                return Ok(Some(Token::Text(t)));
            }
            let rest = b.get(start..).unwrap_or(&[]);
            if rest.starts_with(b"<?") {
                self.skip_past(b"?>")?;
            } else if rest.starts_with(b"<!--") {
                self.skip_past(b"-->")?;
            } else if rest.starts_with(b"<![CDATA[") {
                let from = start + 9;
                let end = find(b, from, b"]]>").ok_or_else(|| self.err(XmlProblem::Unclosed))?;
                self.pos = end + 3;
                if !self.stack.is_empty() {
                    return Ok(Some(Token::Text(Cow::Borrowed(self.slice(from, end)?))));
                }
            } else if rest.starts_with(b"<!") {
                // DOCTYPE (possibly with an internal subset) or similar: skipped.
                let mut subset = false;
                let mut i = start + 2;
                loop {
                    match b.get(i) {
                        None => return Err(self.err(XmlProblem::Unclosed)),
                        Some(b'[') => subset = true,
                        Some(b']') => subset = false,
                        Some(b'>') if !subset => break,
                        _ => {}
                    }
                    i += 1;
                }
                self.pos = i + 1;
            } else if rest.starts_with(b"</") {
                let ne = self.name_end(start + 2);
                let name = self.slice(start + 2, ne)?;
                self.pos = ne;
                self.skip_ws();
                if b.get(self.pos) != Some(&b'>') {
                    return Err(self.err(XmlProblem::Syntax));
                }
                self.pos += 1;
                match self.stack.pop() {
                    Some(open) if open == name => return Ok(Some(Token::End(name))),
                    _ => {
                        self.pos = start;
                        return Err(self.err(XmlProblem::Mismatch));
                    }
                }
            } else {
                return self.start_tag(start).map(Some);
            }
        }
    }

    fn start_tag(&mut self, start: usize) -> Result<Token<'a>, XmlError> {
        let b = self.s.as_bytes();
        let ne = self.name_end(start + 1);
        if ne == start + 1 {
            return Err(self.err(XmlProblem::Syntax));
        }
        let name = self.slice(start + 1, ne)?;
        self.pos = ne;
        let empty;
        loop {
            let before = self.pos;
            self.skip_ws();
            match b.get(self.pos) {
                Some(b'>') => {
                    empty = false;
                    break;
                }
                Some(b'/') if b.get(self.pos + 1) == Some(&b'>') => {
                    empty = true;
                    break;
                }
                Some(_) if before != self.pos => {}
                _ => return Err(self.err(XmlProblem::Syntax)),
            }
            let an = self.name_end(self.pos);
            if an == self.pos {
                return Err(self.err(XmlProblem::Syntax));
            }
            self.pos = an;
            self.skip_ws();
            if b.get(self.pos) != Some(&b'=') {
                return Err(self.err(XmlProblem::Syntax));
            }
            self.pos += 1;
            self.skip_ws();
            let q = match b.get(self.pos) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return Err(self.err(XmlProblem::Syntax)),
            };
            let vs = self.pos + 1;
            let ve = b
                .get(vs..)
                .and_then(|r| r.iter().position(|&x| x == q))
                .ok_or_else(|| self.err(XmlProblem::Unclosed))?
                + vs;
            let v = self.slice(vs, ve)?;
            if v.contains('<') {
                return Err(self.err(XmlProblem::Syntax));
            }
            if v.contains('&') && decode(v).is_none() {
                return Err(self.err(XmlProblem::BadEntity));
            }
            self.pos = ve + 1;
        }
        let attrs = self.slice(ne, self.pos)?;
        self.pos += if empty { 2 } else { 1 };
        if self.depth() >= self.max_depth {
            return Err(self.err(XmlProblem::TooDeep(self.max_depth)));
        }
        if empty {
            self.pending = Some(name);
        } else {
            self.stack.push(name);
        }
        Ok(Token::Start(Tag { name, attrs, empty }))
    }
}

/// Tokenizes a whole document; `Ok` only if it is well-formed (as far as this
/// tokenizer checks).
pub fn check_well_formed(s: &str, part: &str, max_depth: usize) -> Result<(), XmlError> {
    let mut r = Reader::new(s, part, max_depth);
    let mut roots = 0;
    while let Some(t) = r.next_token()? {
        if let Token::Start(t) = &t {
            if r.depth() == usize::from(!t.empty) {
                roots += 1;
            }
        }
    }
    if roots == 1 {
        Ok(())
    } else {
        Err(XmlError {
            part: part.to_string(),
            problem: XmlProblem::Syntax,
            pos: 0,
        })
    }
}
