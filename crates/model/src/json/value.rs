//! A JSON tree and its parser, ours: serde_json's `Value` and
//! deserializer cost the WASM ≈ 25 KB brotli with the derived readers they
//! served (ARCHITECTURE.md, "Size"). Reading is by [`FromJson`]
//! (`super`), writing by `ToJson` (`write.rs`).
//!
//! Invariant: any bytes give a tree or a [`JsonPlace`] (line, column and
//! class, as serde_json placed them), never a panic or a deep recursion:
//! nesting is limited to [`MAX_DEPTH`].
//!
//! [`FromJson`]: super::FromJson

use crate::{JsonFault, JsonPlace};
use std::borrow::Cow;

/// Arrays and objects nested deeper than this are refused (serde_json's
/// own limit is 128).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Strings and keys without escapes borrow from the
/// text: a dataset from the worker has tens of thousands of them, and
/// allocating each made the read twice as slow as serde's.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Map<'a>),
}

/// A JSON number: whole numbers exactly, others as `f64`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    /// A whole number above `i64::MAX`.
    UInt(u64),
    Float(f64),
}

impl Number {
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::Int(i) => Some(i),
            _ => None,
        }
    }
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Int(i) => u64::try_from(i).ok(),
            Number::UInt(u) => Some(u),
            Number::Float(_) => None,
        }
    }
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::UInt(u) => u as f64,
            Number::Float(f) => f,
        }
    }
}

/// An object's fields in the file's order. A key written twice keeps its
/// last value, as serde_json's map does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Map<'a> {
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl<'a> Value<'a> {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value<'a>>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    /// An object's field (`None` for a non-object).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.get(key)
    }
}

/// Parse a whole JSON text (whitespace around it allowed).
pub fn parse_value(s: &str) -> Result<Value<'_>, JsonPlace> {
    let mut p = Parser {
        b: s.as_bytes(),
        i: 0,
        depth: 0,
        items: Vec::new(),
        fields: Vec::new(),
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.fault(JsonFault::Syntax));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
    /// The items and fields of the arrays and objects being read, on one
    /// stack each: a finished one is moved out at its exact size (one
    /// allocation, not one per doubling).
    items: Vec<Value<'a>>,
    fields: Vec<(Cow<'a, str>, Value<'a>)>,
}

impl<'a> Parser<'a> {
    /// The place of the byte at `i` (or of the last byte, at the end),
    /// 1-based, columns in bytes: as serde_json writes them.
    #[inline(never)]
    fn fault(&self, fault: JsonFault) -> JsonPlace {
        let (at, fault) = if self.i >= self.b.len() {
            (self.b.len(), JsonFault::Eof)
        } else {
            (self.i + 1, fault)
        };
        let before = &self.b[..at];
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |n| n + 1);
        JsonPlace {
            line,
            column: at - start,
            fault,
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Result<(), JsonPlace> {
        for &c in word {
            if self.b.get(self.i) != Some(&c) {
                return Err(self.fault(JsonFault::Syntax));
            }
            self.i += 1;
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Value<'a>, JsonPlace> {
        self.ws();
        match self.b.get(self.i) {
            None => Err(self.fault(JsonFault::Eof)),
            Some(b'n') => self.eat(b"null").map(|()| Value::Null),
            Some(b't') => self.eat(b"true").map(|()| Value::Bool(true)),
            Some(b'f') => self.eat(b"false").map(|()| Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err(self.fault(JsonFault::Syntax)),
        }
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Value<'a>, JsonPlace>,
    ) -> Result<Value<'a>, JsonPlace> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fault(JsonFault::Syntax));
        }
        self.depth += 1;
        self.i += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    /// After `[`.
    fn array(&mut self) -> Result<Value<'a>, JsonPlace> {
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let base = self.items.len();
        loop {
            let v = self.value()?;
            self.items.push(v);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(self.items.split_off(base)));
                }
                _ => return Err(self.fault(JsonFault::Syntax)),
            }
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value<'a>, JsonPlace> {
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(Map(Vec::new())));
        }
        let base = self.fields.len();
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.fault(JsonFault::Syntax));
            }
            let key = self.string()?;
            self.ws();
            self.eat(b":")?;
            let v = self.value()?;
            self.fields.push((key, v));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map(self.fields.split_off(base))));
                }
                _ => return Err(self.fault(JsonFault::Syntax)),
            }
        }
    }

    /// At `"`: the string's text, escapes decoded; borrowed from the
    /// input when it has none. The input is a `str`, so unescaped runs are
    /// valid UTF-8 already (they end at ASCII bytes: whole characters).
    fn string(&mut self) -> Result<Cow<'a, str>, JsonPlace> {
        self.i += 1;
        let b: &'a [u8] = self.b;
        let start = self.i;
        while let Some(&c) = b.get(self.i) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            self.i += 1;
        }
        if b.get(self.i) == Some(&b'"') {
            self.i += 1;
            let run = std::str::from_utf8(&b[start..self.i - 1]).unwrap_or_default();
            return Ok(Cow::Borrowed(run));
        }
        let mut out = String::from(std::str::from_utf8(&b[start..self.i]).unwrap_or_default());
        loop {
            match b.get(self.i) {
                None => return Err(self.fault(JsonFault::Eof)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match b.get(self.i) {
                        None => return Err(self.fault(JsonFault::Eof)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode()?,
                        Some(_) => return Err(self.fault(JsonFault::Syntax)),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.fault(JsonFault::Syntax)),
            }
            let run = self.i;
            while let Some(&c) = b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&b[run..self.i]).unwrap_or_default());
        }
    }

    /// At the `u` of `\uXXXX` (a surrogate pair takes two); leaves `i` on
    /// the last hex digit.
    fn unicode(&mut self) -> Result<char, JsonPlace> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.b.get(self.i + 1..self.i + 3) != Some(b"\\u") {
                self.i += 1;
                return Err(self.fault(JsonFault::Syntax));
            }
            self.i += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(self.fault(JsonFault::Syntax));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.fault(JsonFault::Syntax))
    }

    /// At `u`: the four hex digits after it, `i` left on the last.
    fn hex4(&mut self) -> Result<u32, JsonPlace> {
        if self.b.len() < self.i + 5 {
            self.i = self.b.len();
            return Err(self.fault(JsonFault::Eof));
        }
        let digits = &self.b[self.i + 1..self.i + 5];
        self.i += 4;
        // serde_json reads the four bytes, then places a fault on the last.
        digits.iter().try_fold(0, |n, &c| {
            let d = (c as char)
                .to_digit(16)
                .ok_or_else(|| self.fault(JsonFault::Syntax))?;
            Ok(n * 16 + d)
        })
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Number, JsonPlace> {
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = self.digits();
        if n == 0 {
            return Err(self.fault(JsonFault::Syntax));
        }
        if n > 1 && self.b[int_start] == b'0' {
            self.i = int_start + 1;
            return Err(self.fault(JsonFault::Syntax));
        }
        let mut whole = true;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.fault(JsonFault::Syntax));
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.fault(JsonFault::Syntax));
            }
        }
        if whole {
            // Up to 19 digits cannot overflow a u64: read them at once.
            let digits = &self.b[int_start..self.i];
            if digits.len() <= 19 {
                let u = digits
                    .iter()
                    .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
                let neg = int_start > start;
                if !neg {
                    return Ok(i64::try_from(u).map_or(Number::UInt(u), Number::Int));
                }
                // serde_json reads "-0" as the float −0.
                if u == 0 {
                    return Ok(Number::Float(-0.0));
                }
                if let Some(i) = 0i64.checked_sub_unsigned(u) {
                    return Ok(Number::Int(i));
                }
            }
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap_or_default();
        if whole {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Number::Int(i));
            }
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Number::UInt(u));
            }
        }
        // Beyond f64 (1e400) is refused, as serde_json does: it could not
        // be written back (an infinity is written as `null`).
        match crate::decimal::parse_f64(text) {
            Some(f) if f.is_finite() => Ok(Number::Float(f)),
            _ => {
                // Placed on the number's last digit, as serde_json does.
                self.i -= 1;
                Err(self.fault(JsonFault::Syntax))
            }
        }
    }
}

#[cfg(test)]
mod tests;
