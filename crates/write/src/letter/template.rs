//! Sentence templates with placeholders, so a report profile is data.
//!
//! `{name}` is replaced by a value; `{name:form}` asks for a form of it (e.g.
//! `{high_units:short}`). A part in square brackets, `[ ({scans_change})]`, is
//! dropped when a placeholder inside it has no value. A paragraph with a
//! missing placeholder outside brackets is dropped whole: no sentence is
//! ever printed with a hole in it.

/// Render a template; `None` when a required placeholder has no value.
pub fn render(template: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            // Optional group up to the matching ']'.
            let end = r.find(']').unwrap_or(r.len());
            if let Some(s) = render_plain(&r[..end], value) {
                out.push_str(&s);
            }
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find('[').unwrap_or(rest.len());
            out.push_str(&render_plain(&rest[..end], value)?);
            rest = &rest[end..];
        }
    }
    Some(out)
}

fn render_plain(t: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push_str(&value(after[..close].trim())?);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Option<String> {
        match k {
            "n" => Some("58".into()),
            "list:short" => Some("A, B".into()),
            _ => None,
        }
    }

    #[test]
    fn placeholders_and_optional_groups() {
        assert_eq!(
            render("có {n} địa điểm[ ({missing})].", &vals).as_deref(),
            Some("có 58 địa điểm.")
        );
        assert_eq!(render("x[ ({n})] y", &vals).as_deref(), Some("x (58) y"));
        assert_eq!(
            render("gồm: {list:short}", &vals).as_deref(),
            Some("gồm: A, B")
        );
        assert_eq!(render("gồm: {missing}.", &vals), None);
        assert_eq!(render("{ {n", &vals).as_deref(), Some("{ {n"));
        assert_eq!(
            render("[unclosed {n}", &vals).as_deref(),
            Some("unclosed 58")
        );
    }
}
