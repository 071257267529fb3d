//! Our parser and writer against serde_json's (a test oracle only): the
//! same trees, the same refusals and places, the same texts written.

use super::*;
use crate::json::{pretty, ToJson};
use proptest::prelude::*;

/// serde_json's tree as ours.
fn ours(v: &serde_json::Value) -> Value<'static> {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(if let Some(i) = n.as_i64() {
            Number::Int(i)
        } else if let Some(u) = n.as_u64() {
            Number::UInt(u)
        } else {
            Number::Float(n.as_f64().unwrap_or(f64::NAN))
        }),
        serde_json::Value::String(s) => Value::String(s.clone().into()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(ours).collect()),
        serde_json::Value::Object(m) => Value::Object(Map(m
            .iter()
            .map(|(k, v)| (k.clone().into(), ours(v)))
            .collect())),
    }
}

fn oracle(s: &str) -> Result<Value<'static>, JsonPlace> {
    serde_json::from_str::<serde_json::Value>(s)
        .map(|v| ours(&v))
        .map_err(|e| JsonPlace {
            line: e.line(),
            column: e.column(),
            fault: match e.classify() {
                serde_json::error::Category::Eof => JsonFault::Eof,
                serde_json::error::Category::Io => JsonFault::Io,
                serde_json::error::Category::Data => JsonFault::Data,
                serde_json::error::Category::Syntax => JsonFault::Syntax,
            },
        })
}

#[test]
fn reads_every_form() {
    let s = r#" {"a": [1, -2, 3.5, -0.25e2, 1E3, 18446744073709551615, 9223372036854775807],
        "b": {"c": null, "d": true, "e": false},
        "t": "x\"y\\z\/\b\f\n\r\t\u00e0\u1EA1\ud83d\ude00 Hà Nội", "": []} "#;
    assert_eq!(parse_value(s).map(sorted), oracle(s));
    let v = parse_value(s).expect("valid");
    assert_eq!(
        v.get("t").and_then(Value::as_str),
        Some("x\"y\\z/\u{8}\u{c}\n\r\tàạ😀 Hà Nội")
    );
    assert_eq!(v.get("a").and_then(|a| a.as_array()).map(Vec::len), Some(7));
}

#[test]
fn whole_numbers_at_their_bounds() {
    for s in [
        "[-0, 0, -1, 9223372036854775807, -9223372036854775808, -9223372036854775809]",
        "[9223372036854775808, 18446744073709551615, 18446744073709551616, 1234567890123456789012]",
        "[0.0, -0.0, 1e2, 1E-2, 10000000000000000000]",
    ] {
        assert_eq!(parse_value(s).map(sorted), oracle(s), "{s}");
    }
}

#[test]
fn a_key_written_twice_keeps_the_last_value() {
    let v = parse_value(r#"{"a": 1, "a": 2}"#).expect("valid");
    assert_eq!(v.get("a").and_then(Value::as_i64), Some(2));
}

#[test]
fn refuses_what_serde_json_refuses_at_the_same_place() {
    for s in [
        "",
        " ",
        "{",
        "[",
        "[1,",
        "[1,]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{1:2}",
        "01",
        "-",
        "1.",
        "1e",
        "1e+",
        ".5",
        "+1",
        "tru",
        "nul",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"a\nb\"",
        "[1 2]",
        "{} x",
        "[]]",
        "\n\n  [1,\n  }",
        "NaN",
        "\u{feff}{}",
        "1e400",
        "[0, -1e400]",
        "{\"a\": 1.5e309}",
    ] {
        let (a, b) = (parse_value(s), oracle(s));
        assert!(a.is_err(), "{s:?} should be refused");
        assert_eq!(a, b, "{s:?}");
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert!(parse_value(&deep).is_err());
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse_value(&ok).is_ok());
    let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(parse_value(&over).is_err());
}

fn json_tree() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<u64>().prop_map(|u| serde_json::json!(u)),
        (-1e6f64..1e6).prop_map(|f| serde_json::json!(f)),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn whole_tree() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<u64>().prop_map(|u| serde_json::json!(u)),
        any::<String>().prop_map(serde_json::Value::String),
        "[\\x00-\\x20\"\\\\/\\x7f é😀]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

#[test]
fn writes_floats_that_read_back() {
    for (x, text) in [
        (100.0, "100.0"),
        (10.5, "10.5"),
        (-0.25, "-0.25"),
        (0.1, "0.1"),
        (1e21, "1000000000000000000000.0"),
    ] {
        assert_eq!(Value::Number(Number::Float(x)).to_json_text(), text);
        assert_eq!(parse_value(text).ok().and_then(|v| v.as_f64()), Some(x));
    }
    assert_eq!(
        Value::Number(Number::Float(f64::NAN)).to_json_text(),
        "null"
    );
}

proptest! {
    /// Whole numbers, strings (every control character, quotes, slashes,
    /// non-ASCII), arrays and objects: the text serde_json writes, compact
    /// and pretty.
    #[test]
    fn writes_what_serde_json_writes(v in whole_tree()) {
        let compact = ours(&v).to_json_text();
        prop_assert_eq!(&compact, &serde_json::to_string(&v).expect("serializes"));
        prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&v).expect("serializes"));
        prop_assert_eq!(parse_value(&compact).map(sorted), Ok(ours(&v)));
    }

    /// What serde_json writes, we read as it reads it: numbers exact for
    /// whole ones, floats within the decimal reader's bound.
    #[test]
    fn reads_what_serde_json_writes(v in json_tree(), pretty in any::<bool>()) {
        let s = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }
            .expect("serializes");
        let got = parse_value(&s).expect("valid JSON");
        prop_assert!(close(&sorted(got), &ours(&v)), "{}", s);
    }

    /// Any text: a tree or a place, as serde_json decides, never a panic.
    #[test]
    fn any_text_is_read_or_refused_as_serde_json_does(s in "[\\[\\]{}:,\"\\\\0-9a-z. \n-]{0,40}") {
        let (a, b) = (parse_value(&s), oracle(&s));
        prop_assert_eq!(a.is_ok(), b.is_ok(), "{:?}", s);
        if let (Err(a), Err(b)) = (&a, &b) {
            prop_assert_eq!((a.line, a.column), (b.line, b.column), "{:?}", s);
        }
    }
}

fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(Number::Float(x)), Value::Number(Number::Float(y))) => {
            (x - y).abs() <= 1e-9 * y.abs().max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k, a), (l, b))| k == l && close(a, b))
        }
        _ => a == b,
    }
}

/// Objects with their keys in serde_json's (sorted) order.
fn sorted(v: Value<'_>) -> Value<'_> {
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        Value::Object(Map(mut m)) => {
            m.sort_by(|a, b| a.0.cmp(&b.0));
            m.dedup_by(|later, earlier| {
                let same = later.0 == earlier.0;
                if same {
                    std::mem::swap(later, earlier);
                }
                same
            });
            Value::Object(Map(m.into_iter().map(|(k, v)| (k, sorted(v))).collect()))
        }
        v => v,
    }
}
