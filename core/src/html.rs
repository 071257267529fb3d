//! HTML fragments core writes for the page, every text escaped: a list of
//! thousands of names is one `innerHTML`, not thousands of reactive nodes
//! (see also [`crate::letter::html`]).

pub use crate::office::xml::escape_into;

/// `<tag class="cls">text</tag>` (no class attribute when `cls` is empty).
pub fn el(o: &mut String, tag: &str, cls: &str, text: &str) {
    o.push('<');
    o.push_str(tag);
    if !cls.is_empty() {
        o.push_str(" class=\"");
        escape_into(o, cls);
        o.push('"');
    }
    o.push('>');
    escape_into(o, text);
    o.push_str("</");
    o.push_str(tag);
    o.push('>');
}

/// `<li data-testid="…">name</li>` for each name (`testid` empty: none).
pub fn list_items<'a>(names: impl IntoIterator<Item = &'a str>, testid: &str) -> String {
    let mut o = String::new();
    for n in names {
        if testid.is_empty() {
            o.push_str("<li>");
        } else {
            o.push_str("<li data-testid=\"");
            escape_into(&mut o, testid);
            o.push_str("\">");
        }
        escape_into(&mut o, n);
        o.push_str("</li>");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_escaped() {
        let h = list_items(["Xã Sơn Hà", "<b>&\"x\""], "unit-name");
        assert_eq!(
            h,
            "<li data-testid=\"unit-name\">Xã Sơn Hà</li><li data-testid=\"unit-name\">&lt;b&gt;&amp;&quot;x&quot;</li>"
        );
        assert_eq!(list_items(["a"], ""), "<li>a</li>");
    }
}
