//! Sentence templates with placeholders, so a report profile is data.
//!
//! `{name}` is replaced by a value; `{name:form}` asks for a form of it (e.g.
//! `{high_units:short}`). What a placeholder gives is a [`Fill`]:
//!
//! - a value, printed;
//! - missing (a known placeholder the figures have no value for): a part in
//!   square brackets holding it, `[ ({scans_change})]`, is dropped; outside
//!   brackets the paragraph is dropped whole, so no sentence prints with a
//!   hole — unless the placeholder has a visible blank to write instead
//!   (`…/…/…` for a date the clerk fills in by hand); [`render_noting`]
//!   says which placeholders were printed;
//! - unknown: not a placeholder, the braces print as typed.
//!
//! Brackets are an optional part only when they hold a known placeholder
//! and no other bracket: "Quyết định [số 12]" is literal text, and nested or
//! unbalanced brackets print as typed.

/// What a placeholder stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    /// The value to print.
    Text(String),
    /// A known placeholder without a value. `blank` is what a required part
    /// writes instead (a gap to fill by hand); `None`: the part is dropped.
    Missing { blank: Option<String> },
    /// Not a placeholder: `{…}` prints as typed.
    Unknown,
}

/// Render a template; `None` when a required placeholder has no value and
/// no blank.
pub fn render(template: &str, value: &dyn Fn(&str) -> Fill) -> Option<String> {
    render_noting(template, value, &mut Vec::new())
}

/// [`render`], pushing to `printed` the key of every placeholder that was
/// printed, as a value or as its blank (nothing when the result is `None`),
/// so the letter can tell which of its gaps made it into the text.
pub fn render_noting(
    template: &str,
    value: &dyn Fn(&str) -> Fill,
    printed: &mut Vec<String>,
) -> Option<String> {
    let mut out = String::new();
    let mut keys = Vec::new();
    // Start of the required text not yet rendered.
    let mut plain = 0;
    let mut i = 0;
    while let Some(open) = template[i..].find('[').map(|k| k + i) {
        let Some(close) = matching_close(template, open) else {
            // Unbalanced: this '[' is text.
            i = open + 1;
            continue;
        };
        let inner = &template[open + 1..close];
        if inner.contains(['[', ']']) || !has_placeholder(inner, value) {
            // Nested, or no placeholder: literal text, brackets and all.
            i = close + 1;
            continue;
        }
        out.push_str(&render_plain(
            &template[plain..open],
            value,
            true,
            &mut keys,
        )?);
        // An optional part never prints a blank: it vanishes instead.
        if let Some(s) = render_plain(inner, value, false, &mut keys) {
            out.push_str(&s);
        }
        plain = close + 1;
        i = plain;
    }
    out.push_str(&render_plain(&template[plain..], value, true, &mut keys)?);
    printed.append(&mut keys);
    Some(out)
}

/// The ']' closing the '[' at `open`, counting nested pairs.
fn matching_close(t: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, c) in t[open..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
    }
    None
}

/// The placeholders `{…}` of `t`, as (key, text with braces).
fn placeholders(t: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = t;
    std::iter::from_fn(move || {
        let open = rest.find('{')?;
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let whole = &rest[open..open + close + 2];
        let key = after[..close].trim();
        rest = &after[close + 1..];
        Some((key, whole))
    })
}

fn has_placeholder(t: &str, value: &dyn Fn(&str) -> Fill) -> bool {
    placeholders(t).any(|(k, _)| value(k) != Fill::Unknown)
}

/// Text with placeholders. With `blanks`, a missing value's blank is
/// written; without, a missing value fails the part. Printed keys go to
/// `printed` only when the part renders.
fn render_plain(
    t: &str,
    value: &dyn Fn(&str) -> Fill,
    blanks: bool,
    printed: &mut Vec<String>,
) -> Option<String> {
    let mut out = String::new();
    let mut keys = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push('{');
            rest = after;
            continue;
        };
        let key = after[..close].trim();
        match value(key) {
            Fill::Text(v) => {
                out.push_str(&v);
                keys.push(key.to_string());
            }
            Fill::Unknown => out.push_str(&rest[open..open + close + 2]),
            Fill::Missing { blank: Some(b) } if blanks => {
                out.push_str(&b);
                keys.push(key.to_string());
            }
            Fill::Missing { .. } => return None,
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    printed.append(&mut keys);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Fill {
        match k {
            "n" => Fill::Text("58".into()),
            "list:short" => Fill::Text("A, B".into()),
            "missing" => Fill::Missing { blank: None },
            "date" => Fill::Missing {
                blank: Some("…/…/…".into()),
            },
            _ => Fill::Unknown,
        }
    }

    fn r(t: &str) -> Option<String> {
        render(t, &vals)
    }

    #[test]
    fn placeholders_and_optional_groups() {
        assert_eq!(
            r("có {n} địa điểm[ ({missing})].").as_deref(),
            Some("có 58 địa điểm.")
        );
        assert_eq!(r("x[ ({n})] y").as_deref(), Some("x (58) y"));
        assert_eq!(r("gồm: {list:short}").as_deref(), Some("gồm: A, B"));
        assert_eq!(r("gồm: {missing}."), None);
        assert_eq!(r("{ {n").as_deref(), Some("{ {n"));
        // Unknown placeholders print as typed, spaces and all.
        assert_eq!(r("a { foo } b").as_deref(), Some("a { foo } b"));
    }

    /// Issue #15: brackets without a placeholder are the clerk's text.
    #[test]
    fn brackets_without_a_placeholder_print_as_typed() {
        assert_eq!(
            r("Theo Quyết định [số 12] của UBND.").as_deref(),
            Some("Theo Quyết định [số 12] của UBND.")
        );
        assert_eq!(r("[Họ và tên]").as_deref(), Some("[Họ và tên]"));
        assert_eq!(r("x [{foo}] y").as_deref(), Some("x [{foo}] y"));
        assert_eq!(r("[] {n}").as_deref(), Some("[] 58"));
        // Literal brackets next to an optional part.
        assert_eq!(
            r("[số 12][ ({missing})] và [ ({n})]").as_deref(),
            Some("[số 12] và  (58)")
        );
    }

    #[test]
    fn nested_and_unbalanced_brackets_print_as_typed() {
        assert_eq!(r("[unclosed {n}").as_deref(), Some("[unclosed 58"));
        assert_eq!(r("closed] {n}").as_deref(), Some("closed] 58"));
        assert_eq!(r("a [b [c {n}] d] e").as_deref(), Some("a [b [c 58] d] e"));
        assert_eq!(r("[[x]] ]] [[").as_deref(), Some("[[x]] ]] [["));
        // Nested text is required text: a missing value drops the paragraph.
        assert_eq!(r("a [b [c {missing}] d]"), None);
        // Multi-byte text around brackets.
        assert_eq!(r("ạ[ế {n}]ỗ").as_deref(), Some("ạế 58ỗ"));
    }

    #[test]
    fn blanks_in_required_parts_only() {
        let mut used = Vec::new();
        assert_eq!(
            render_noting("đến ngày {date}[ ({n})].", &vals, &mut used).as_deref(),
            Some("đến ngày …/…/… (58).")
        );
        assert_eq!(used, ["date", "n"]);
        let mut used = Vec::new();
        assert_eq!(
            render_noting("V/v báo cáo {n}[ tính đến {date}]", &vals, &mut used).as_deref(),
            Some("V/v báo cáo 58")
        );
        assert_eq!(used, ["n"]);
        // A dropped paragraph notes nothing.
        let mut used = Vec::new();
        assert_eq!(
            render_noting("{n} {date} {missing}", &vals, &mut used),
            None
        );
        assert!(used.is_empty());
    }
}
