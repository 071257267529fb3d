//! JSON by hand, both ways: reading typed values from a parsed [`Value`]
//! tree (our own parser, `value.rs`) with [`FromJson`], writing them with
//! [`ToJson`] (`write.rs`).
//!
//! serde's derived `Deserialize` writes a visitor per type (field names,
//! map and sequence forms, every variant) for each deserializer it is used
//! with: for the report definition and the profile that was ≈ 80 KB of the
//! WASM's code. Walking a `Value` with the small functions here is a few KB
//! (ARCHITECTURE.md, "Size"). The forms are the ones serde's derives wrote
//! before — structs as objects, enums externally tagged (`"Zero"`,
//! `{"at_least": {"value": 10}}`), newtypes as their content, tuples and
//! arrays as arrays — so files written before read the same; tests
//! round-trip every type, and `core/tests/json_forms.rs` keeps the
//! written forms byte for byte.
//!
//! Invariant: a field's default is decided by the type that reads it (the
//! `or`/`or_default`/`opt` calls mirror the `#[serde(default)]`s the
//! derives had), and unknown fields are ignored, as serde did.
//!
//! No type uses serde: every JSON the app reads or writes (profiles,
//! saved work, the worker's answer, archives, embed events) comes through
//! here.

mod value;
mod write;
pub use value::{parse_value, Map, Number, Value, MAX_DEPTH};
pub use write::{
    pretty, string, struct_variant, to_json_struct, unit_variant as write_unit,
    variant as write_variant, ArrW, Keyed, ObjW, RawNumber, ToJson,
};

/// Why a JSON value is not the type asked for, and where in the file's
/// tree: `report.classes[1].rule`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bad {
    /// Field names and indexes from the top: `report.classes[1].rule`.
    pub path: String,
    pub fault: Fault,
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Another shape was expected.
    Expected(Shape),
    /// A required field is absent.
    Missing(&'static str),
    /// A name that is none of the type's variants.
    Unknown(String),
    /// A whole number out of the type's range, or an array of the wrong
    /// length.
    OutOfRange,
}

/// The JSON shapes a reader expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Object,
    Array,
    Text,
    Number,
    WholeNumber,
    Bool,
    /// A variant name, or an object with one variant name as its key.
    Variant,
}

impl Bad {
    pub fn new(fault: Fault) -> Bad {
        Bad {
            path: String::new(),
            fault,
        }
    }
    fn expected(s: Shape) -> Bad {
        Bad::new(Fault::Expected(s))
    }
    /// The same fault, one level further down the tree (`key` is a field
    /// name, or `[3]`).
    pub fn at(mut self, key: &str) -> Bad {
        let sep = if self.path.is_empty() || self.path.starts_with('[') {
            ""
        } else {
            "."
        };
        self.path = format!("{key}{sep}{}", self.path);
        self
    }

    /// "report.classes[1].rule: thiếu trường «value»" / "… missing field
    /// «value»".
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::*;
        let what = match (&self.fault, lang) {
            (Fault::Expected(s), Vi) => format!("cần {}", s.name(Vi)),
            (Fault::Expected(s), En) => format!("expected {}", s.name(En)),
            (Fault::Missing(f), Vi) => format!("thiếu trường «{f}»"),
            (Fault::Missing(f), En) => format!("missing field «{f}»"),
            (Fault::Unknown(v), Vi) => format!("không biết «{v}»"),
            (Fault::Unknown(v), En) => format!("unknown «{v}»"),
            (Fault::OutOfRange, Vi) => "giá trị ngoài khoảng cho phép".to_string(),
            (Fault::OutOfRange, En) => "value out of range".to_string(),
        };
        if self.path.is_empty() {
            what
        } else {
            format!("{}: {what}", self.path)
        }
    }
}

impl Shape {
    fn name(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Shape::Object, Vi) => "một đối tượng { }",
            (Shape::Array, Vi) => "một danh sách [ ]",
            (Shape::Text, Vi) => "một chuỗi",
            (Shape::Number, Vi) => "một số",
            (Shape::WholeNumber, Vi) => "một số nguyên",
            (Shape::Bool, Vi) => "true hoặc false",
            (Shape::Variant, Vi) => "một tên loại",
            (Shape::Object, En) => "an object { }",
            (Shape::Array, En) => "a list [ ]",
            (Shape::Text, En) => "a string",
            (Shape::Number, En) => "a number",
            (Shape::WholeNumber, En) => "a whole number",
            (Shape::Bool, En) => "true or false",
            (Shape::Variant, En) => "a variant name",
        }
    }
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, Bad>;
}

/// Parse `s` and read it as `T`: a syntax fault with its line and
/// column, a shape fault with its path.
pub fn parse<T: FromJson>(s: &str) -> Result<T, JsonError> {
    let v = parse_value(s).map_err(JsonError::Syntax)?;
    T::from_json(&v).map_err(JsonError::Shape)
}

/// Why a JSON text could not be read as a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON: where.
    Syntax(crate::JsonPlace),
    /// JSON, but not of the type's form: what and where in the tree.
    Shape(Bad),
}

impl JsonError {
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            JsonError::Syntax(p) => p.message(lang),
            JsonError::Shape(b) => b.message(lang),
        }
    }

    /// As a [`JsonPlace`], for errors that carry one: a shape fault has no
    /// line (`0`) and says only that the data is not of the expected form.
    pub fn place(&self) -> crate::JsonPlace {
        match self {
            JsonError::Syntax(p) => *p,
            JsonError::Shape(_) => crate::JsonPlace {
                line: 0,
                column: 0,
                fault: crate::JsonFault::Data,
            },
        }
    }
}

/// An array's items read in order (the compact forms written as arrays).
pub struct Seq<'a> {
    items: &'a [Value<'a>],
    at: usize,
}

impl<'a> Seq<'a> {
    pub fn of(v: &'a Value) -> Result<Seq<'a>, Bad> {
        match v.as_array() {
            Some(items) => Ok(Seq { items, at: 0 }),
            None => Err(Bad::expected(Shape::Array)),
        }
    }

    /// The next item, which must be there.
    pub fn item<T: FromJson>(&mut self) -> Result<T, Bad> {
        let i = self.at;
        self.at += 1;
        match self.items.get(i) {
            Some(v) => T::from_json(v).map_err(|e| at_index(e, i)),
            None => Err(at_index(Bad::new(Fault::OutOfRange), i)),
        }
    }
}

/// A versioned file's `version`: a whole number, 0 when absent (files
/// from before versioning). Read before the rest, so a newer file is
/// refused as such, not for a field it has changed.
pub fn version_of(v: &Value) -> Result<u32, Bad> {
    match v.get("version") {
        None | Some(Value::Null) => Ok(0),
        Some(n) => u32::from_json(n).map_err(|b| b.at("version")),
    }
}

/// An object's fields, read one by one. A fault does not return at once:
/// the first one is kept and [`Obj::done`] gives it, so a struct is built
/// in one expression without an early return per field (whose drop code
/// for the fields before it grew with the square of the field count).
pub struct Obj<'a> {
    map: &'a Map<'a>,
    fault: core::cell::RefCell<Option<Bad>>,
}

impl<'a> Obj<'a> {
    pub fn of(v: &'a Value) -> Result<Obj<'a>, Bad> {
        match v.as_object() {
            Some(map) => Ok(Obj {
                map,
                fault: core::cell::RefCell::new(None),
            }),
            None => Err(Bad::expected(Shape::Object)),
        }
    }

    /// Keep the first fault.
    #[inline(never)]
    fn fault(&self, b: Bad) {
        let mut f = self.fault.borrow_mut();
        if f.is_none() {
            *f = Some(b);
        }
    }

    /// The field's value, when present and not `null`.
    #[inline(never)]
    fn get(&self, key: &str) -> Option<&'a Value<'a>> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// An optional field: absent or `null` is `None`.
    pub fn opt<T: FromJson>(&self, key: &str) -> Option<T> {
        match T::from_json(self.get(key)?) {
            Ok(t) => Some(t),
            Err(e) => {
                self.fault(e.at(key));
                None
            }
        }
    }

    /// A field that must be there (its default stands in until
    /// [`Obj::done`] reports it missing).
    pub fn req<T: FromJson + Default>(&self, key: &'static str) -> T {
        if self.map.get(key).is_none() {
            self.fault(Bad::new(Fault::Missing(key)));
        }
        self.or_default(key)
    }

    /// A field that must be there, of a type with no default: `?` it.
    pub fn need<T: FromJson>(&self, key: &'static str) -> Result<T, Bad> {
        match self.map.get(key) {
            Some(v) => T::from_json(v).map_err(|e| e.at(key)),
            None => Err(Bad::new(Fault::Missing(key))),
        }
    }

    /// A field with a default when absent (or `null`).
    pub fn or<T: FromJson>(&self, key: &str, default: T) -> T {
        self.opt(key).unwrap_or(default)
    }

    /// A field with its type's default when absent (or `null`).
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> T {
        self.opt(key).unwrap_or_default()
    }

    /// `value`, or the first fault met while reading its fields.
    pub fn done<T>(self, value: T) -> Result<T, Bad> {
        match self.fault.into_inner() {
            Some(b) => Err(b),
            None => Ok(value),
        }
    }
}

/// `FromJson` for a struct read field by field, each with the [`Obj`]
/// reader that fits it (`req`, `opt`, `or_default`, `or(default)`, or
/// `need`, which is `?`-ed): the twin of `to_json_struct!`, so each
/// struct's form is written once per direction.
///
/// `from_json_struct!(Bands { classes: req, phrase: req, note: opt, n: or(1) });`
#[macro_export]
macro_rules! from_json_struct {
    ($t:ident { $($f:ident : $m:ident $(($d:expr))?),* $(,)? }) => {
        impl $crate::json::FromJson for $t {
            fn from_json(v: &$crate::json::Value) -> Result<Self, $crate::json::Bad> {
                let o = $crate::json::Obj::of(v)?;
                let value = $t {
                    $($f: $crate::from_json_struct!(@get o, $m, stringify!($f) $(, $d)?)),*
                };
                o.done(value)
            }
        }
    };
    (@get $o:ident, need, $n:expr) => {
        $o.need($n)?
    };
    (@get $o:ident, $m:ident, $n:expr $(, $d:expr)?) => {
        $o.$m($n $(, $d)?)
    };
}
pub use crate::from_json_struct;

/// An externally tagged enum value: its variant's name, and the content
/// of a variant that has one (`{"at_least": {…}}`; `None` for `"zero"`).
pub fn variant<'a>(v: &'a Value<'a>) -> Result<(&'a str, Option<&'a Value<'a>>), Bad> {
    match v {
        Value::String(s) => Ok((s, None)),
        Value::Object(m) if m.len() == 1 => match m.iter().next() {
            Some((k, Value::Null)) => Ok((k, None)),
            Some((k, c)) => Ok((k, Some(c))),
            None => Err(Bad::expected(Shape::Variant)),
        },
        _ => Err(Bad::expected(Shape::Variant)),
    }
}

/// Read a variant's content with `f`, its faults placed under the
/// variant's name.
pub fn within<T>(
    name: &str,
    c: Option<&Value>,
    f: impl FnOnce(&Obj) -> Result<T, Bad>,
) -> Result<T, Bad> {
    let read = || {
        let o = Obj::of(c.ok_or(Bad::expected(Shape::Object))?)?;
        let t = f(&o);
        o.done(t)?
    };
    read().map_err(|e| e.at(name))
}

/// A variant without content, by its name in `names` (the variants in
/// declaration order): its index.
pub fn unit_variant(v: &Value, names: &[&str]) -> Result<usize, Bad> {
    let (name, _) = variant(v)?;
    names
        .iter()
        .position(|n| *n == name)
        .ok_or_else(|| unknown(name))
}

/// The fault of a variant name no reader knows.
pub fn unknown(name: &str) -> Bad {
    Bad::new(Fault::Unknown(name.to_string()))
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str()
            .map(str::to_string)
            .ok_or(Bad::expected(Shape::Text))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_bool().ok_or(Bad::expected(Shape::Bool))
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_f64().ok_or(Bad::expected(Shape::Number))
    }
}

impl FromJson for char {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let s = v.as_str().ok_or(Bad::expected(Shape::Text))?;
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(Bad::new(Fault::OutOfRange)),
        }
    }
}

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                let n = match v {
                    Value::Number(n) => n,
                    _ => return Err(Bad::expected(Shape::WholeNumber)),
                };
                let n = *n;
                if let Some(i) = n.as_i64() {
                    <$t>::try_from(i).map_err(|_| Bad::new(Fault::OutOfRange))
                } else if let Some(u) = n.as_u64() {
                    <$t>::try_from(u).map_err(|_| Bad::new(Fault::OutOfRange))
                } else {
                    Err(Bad::expected(Shape::WholeNumber))
                }
            }
        }
    )*};
}
whole!(u8, u16, u32, u64, usize, i32, i64);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

/// The items of an array, each read with `T`. A plain loop: the
/// iterator form (`collect` into a `Result`) cost 9 KB brotli over the
/// twenty item types (ARCHITECTURE.md, "Size").
fn items<T: FromJson>(v: &Value) -> Result<Vec<T>, Bad> {
    let a = array(v)?;
    let mut out = Vec::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        match T::from_json(x) {
            Ok(t) => out.push(t),
            Err(e) => return Err(at_index(e, i)),
        }
    }
    Ok(out)
}

#[inline(never)]
fn array<'a>(v: &'a Value<'a>) -> Result<&'a [Value<'a>], Bad> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or(Bad::expected(Shape::Array))
}

#[inline(never)]
fn at_index(e: Bad, i: usize) -> Bad {
    e.at(&format!("[{i}]"))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        items(v)
    }
}

impl<T: FromJson, const N: usize> FromJson for [T; N] {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        items::<T>(v)?
            .try_into()
            .map_err(|_| Bad::new(Fault::OutOfRange))
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match v.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((
                A::from_json(a).map_err(|e| e.at("[0]"))?,
                B::from_json(b).map_err(|e| e.at("[1]"))?,
            )),
            Some(_) => Err(Bad::new(Fault::OutOfRange)),
            None => Err(Bad::expected(Shape::Array)),
        }
    }
}

impl FromJson for thongbao_text::Encoding {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        use thongbao_text::Encoding::*;
        let (name, _) = variant(v)?;
        Ok(match name {
            "Utf8" => Utf8,
            "Utf8Bom" => Utf8Bom,
            "Utf16Le" => Utf16Le,
            "Utf16Be" => Utf16Be,
            "Windows1258" => Windows1258,
            "Tcvn3" => Tcvn3,
            "Vni" => Vni,
            n => return Err(unknown(n)),
        })
    }
}

impl FromJson for crate::Lang {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let (name, _) = variant(v)?;
        match name {
            "Vi" | "vi" | "vn" => Ok(crate::Lang::Vi),
            "En" | "en" => Ok(crate::Lang::En),
            n => Err(unknown(n)),
        }
    }
}

#[cfg(test)]
mod tests;
