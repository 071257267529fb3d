//! Writing JSON by hand: [`ToJson`] and its writer, in exactly the form
//! serde's derived `Serialize` wrote (structs as objects with their fields
//! in declaration order, enums externally tagged, `None` as `null`), so
//! files written before and after read the same. Why not serde: its
//! serializer with serde_json's number printers cost the WASM ≈ 8 KB brotli
//! (ARCHITECTURE.md, "Size").
//!
//! Invariant: what a type writes, its [`FromJson`](super::FromJson) reads
//! back equal (tests); strings are escaped as serde_json escapes them.

use std::fmt::Write as _;

/// A type written as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// As a JSON text.
    fn to_json_text(&self) -> String {
        let mut s = String::new();
        self.write_json(&mut s);
        s
    }
}

/// An object being written: `field` by `field`, then [`ObjW::end`].
pub struct ObjW<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjW<'a> {
    /// Open an object (`{`).
    pub fn new(out: &'a mut String) -> ObjW<'a> {
        out.push('{');
        ObjW { out, first: true }
    }

    /// `"key":value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, v: &T) -> &mut Self {
        self.key(key);
        v.write_json(self.out);
        self
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(':');
    }

    /// Close the object (`}`).
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// An array being written: `item` by `item`, then [`ArrW::end`].
pub struct ArrW<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ArrW<'a> {
    /// Open an array (`[`).
    pub fn new(out: &'a mut String) -> ArrW<'a> {
        out.push('[');
        ArrW { out, first: true }
    }

    pub fn item<T: ToJson + ?Sized>(&mut self, v: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        v.write_json(self.out);
        self
    }

    /// Close the array (`]`).
    pub fn end(&mut self) {
        self.out.push(']');
    }
}

/// A unit variant: its name as a string.
pub fn unit_variant(out: &mut String, name: &str) {
    string(out, name);
}

/// A variant with content: `{"Name":content}`.
pub fn variant<T: ToJson + ?Sized>(out: &mut String, name: &str, content: &T) {
    let mut o = ObjW::new(out);
    o.field(name, content);
    o.end();
}

/// A struct variant: `{"Name":{…fields…}}`, the fields written by `f`.
pub fn struct_variant(out: &mut String, name: &str, f: impl FnOnce(&mut ObjW)) {
    out.push('{');
    string(out, name);
    out.push(':');
    let mut o = ObjW::new(out);
    f(&mut o);
    o.end();
    out.push('}');
}

/// A JSON string, escaped as serde_json escapes: `"` and `\`, the
/// control characters (`\n`, `\t`… or `\u001f`); nothing else.
#[inline(never)]
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for char {
    fn write_json(&self, out: &mut String) {
        string(out, self.encode_utf8(&mut [0; 4]));
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
whole!(u8, u16, u32, u64, usize, i32, i64);

/// A float as a number the reader gives back (up to 10 decimals, exponent
/// form beyond 10^28: [`crate::format::plain_number`]), a whole one with
/// `.0` as serde_json writes it (`100.0`); not finite is `null`, as
/// serde_json writes it. Not the shortest round-trip form serde_json
/// prints for every float (its printer's tables, ARCHITECTURE.md "Size"):
/// thresholds are typed with a few decimals, which this keeps exactly.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        match crate::format::plain_number(*self) {
            Some(t) => {
                let whole = !t.contains(['.', 'e']);
                out.push_str(&t);
                if whole {
                    out.push_str(".0");
                }
            }
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// A JSON number already written as text ("30.0"), put out as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawNumber(pub String);

impl ToJson for RawNumber {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl ToJson for super::Value<'_> {
    fn write_json(&self, out: &mut String) {
        use super::{Number, Value};
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(Number::Int(i)) => i.write_json(out),
            Value::Number(Number::UInt(u)) => u.write_json(out),
            Value::Number(Number::Float(f)) => f.write_json(out),
            Value::String(s) => string(out, s),
            Value::Array(a) => a.write_json(out),
            Value::Object(m) => {
                let mut o = ObjW::new(out);
                for (k, v) in m.iter() {
                    o.field(k, v);
                }
                o.end();
            }
        }
    }
}

/// Keyed values as an object, its fields in the list's order (a
/// `Vec<(String, T)>` alone is written as an array of pairs).
pub struct Keyed<'a, T>(pub &'a [(String, T)]);

impl<T: ToJson> ToJson for Keyed<'_, T> {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjW::new(out);
        for (k, v) in self.0 {
            o.field(k, v);
        }
        o.end();
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

impl ToJson for thongbao_text::Encoding {
    fn write_json(&self, out: &mut String) {
        use thongbao_text::Encoding::*;
        unit_variant(
            out,
            match self {
                Utf8 => "Utf8",
                Utf8Bom => "Utf8Bom",
                Utf16Le => "Utf16Le",
                Utf16Be => "Utf16Be",
                Windows1258 => "Windows1258",
                Tcvn3 => "Tcvn3",
                Vni => "Vni",
            },
        );
    }
}

impl ToJson for crate::Lang {
    fn write_json(&self, out: &mut String) {
        unit_variant(
            out,
            match self {
                crate::Lang::Vi => "Vi",
                crate::Lang::En => "En",
            },
        );
    }
}

/// A compact JSON text laid out as serde_json's pretty printer does: two
/// spaces per level, `"key": value`, `[]` and `{}` when empty. The text
/// must be one [`ToJson`] wrote (valid, no spaces outside strings).
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_str, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_str {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

/// `ToJson` for a struct, its fields in declaration order:
/// `to_json_struct!(Unit { line, source, name });`
#[macro_export]
macro_rules! to_json_struct {
    ($t:ty { $($f:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let mut o = $crate::json::ObjW::new(out);
                $(o.field(stringify!($f), &self.$f);)*
                o.end();
            }
        }
    };
}
pub use crate::to_json_struct;
