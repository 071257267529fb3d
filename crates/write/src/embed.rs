//! The snippets a portal webmaster pastes to embed the app (the app's
//! "Embed" panel shows them for the current settings), and the credit line
//! an embedded view shows under its figures.

use crate::date::Date;
use crate::Lang;

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Percent-encoding as JavaScript's `encodeURIComponent`.
pub fn encode_uri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `sandbox` of the iframe snippet: what a portal that sandboxes its
/// iframes (Liferay's iframe filter, SharePoint's embedding settings) must
/// allow, verified end to end (tests/e2e/portal.test.mjs):
///
/// * `allow-scripts` — the app is a WebAssembly program;
/// * `allow-same-origin` — its own files (the data `src=`, the worker) and
///   storage; without it the frame has an opaque origin;
/// * `allow-downloads` — the .docx, .csv, .xlsx, .svg and .png controls;
/// * `allow-modals` — printing the letter (`window.print()` is ignored
///   without it);
/// * `allow-popups allow-popups-to-escape-sandbox` — only for the link
///   "open in a new tab" that the widget offers when the host blocks a
///   download or printing: without `allow-popups` the link does nothing,
///   without `-to-escape-sandbox` the new tab inherits the same sandbox.
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox";

/// The text given for the credit line (`&source=`, `data-source=`): one
/// line, no control characters, at most 200 characters; `None` when empty.
pub fn clean_source(s: &str) -> Option<String> {
    let one: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let cut: String = one.chars().take(200).collect();
    (!cut.is_empty()).then_some(cut)
}

/// For the app at `base` (its page address): the iframe snippet (sandboxed
/// with [`SANDBOX`], with the few lines that size it and tell the widget its
/// sandbox) and the script one. `source` is the credit line's "Nguồn"
/// (`&source=` / `data-source=`); empty leaves the default (the data's file
/// names).
pub fn snippets(base: &str, view: &str, lang: &str, src: &str, source: &str) -> (String, String) {
    let dir = base.rsplit_once('/').map(|(d, _)| d).unwrap_or(base);
    let mut url = format!("{dir}/index.html?embed=1&view={view}&lang={lang}");
    if !src.trim().is_empty() {
        url.push_str("&src=");
        url.push_str(&encode_uri_component(src.trim()));
    }
    let source = clean_source(source);
    if let Some(s) = &source {
        url.push_str("&source=");
        url.push_str(&encode_uri_component(s));
    }
    let iframe = format!(
        "<iframe id=\"thongbao\" src=\"{}\" title=\"Thông báo kết quả ứng dụng CNTT\" style=\"width:100%;border:0\" height=\"600\"\n        sandbox=\"{SANDBOX}\"></iframe>\n\
<script>\n\
addEventListener(\"message\", function (e) {{\n\
  var f = document.getElementById(\"thongbao\");\n\
  if (!f || !e.data || e.source !== f.contentWindow) return;\n\
  if (e.data.type === \"thongbao:height\") f.height = e.data.height;\n\
  if (e.data.type === \"thongbao:hello\") f.contentWindow.postMessage({{type: \"thongbao:host\", sandbox: f.getAttribute(\"sandbox\")}}, \"*\");\n\
}});\n\
</script>",
        attr_escape(&url)
    );
    let opt = |name: &str, v: Option<&str>| match v {
        Some(v) => format!(" data-{name}=\"{}\"", attr_escape(v)),
        None => String::new(),
    };
    let script = format!(
        "<div id=\"thongbao-widget\"></div>\n<script type=\"module\" src=\"{}/embed.js\" data-target=\"#thongbao-widget\" data-view=\"{view}\" data-lang=\"{lang}\"{}{}></script>",
        attr_escape(dir),
        opt("src", Some(src.trim()).filter(|s| !s.is_empty())),
        opt("source", source.as_deref()),
    );
    (iframe, script)
}

/// Upper-cases the first letter: "huyện Quan Sơn" → "Huyện Quan Sơn".
pub(crate) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(crate::text::case::upper_char(f))
            .chain(c)
            .collect(),
        None => String::new(),
    }
}

/// The line under an embedded view that lets a reader trust a figure, as
/// chart-embedding services print one: "Nguồn: so-lieu.xlsx · Số liệu ngày
/// 12/11/2021 · Huyện Quan Sơn". `custom` (the embedder's `source=`) replaces
/// the file names; a part without a value is left out. Plain text: the page
/// puts it in a text node, never as HTML.
pub fn credit_line(
    custom: Option<&str>,
    files: &str,
    date: Option<Date>,
    area: &str,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let mut parts = Vec::new();
    let source = custom
        .and_then(clean_source)
        .or_else(|| clean_source(files));
    if let Some(s) = source {
        parts.push(format!("{} {s}", if vi { "Nguồn:" } else { "Source:" }));
    }
    if let Some(d) = date {
        parts.push(format!(
            "{} {}",
            if vi {
                "Số liệu ngày"
            } else {
                "Figures of"
            },
            d.dmy()
        ));
    }
    if let Some(a) = clean_source(area) {
        parts.push(upper_first(&a));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_for_a_sub_path_and_a_data_url() {
        let (iframe, script) = snippets(
            "https://portal.example/thongbao/index.html",
            "table",
            "en",
            "https://data.example/số liệu.xlsx?a=1&b=\"2\"",
            "",
        );
        assert!(iframe.contains(
            "src=\"https://portal.example/thongbao/index.html?embed=1&amp;view=table&amp;lang=en&amp;src=https%3A%2F%2Fdata.example%2Fs%E1%BB%91%20li%E1%BB%87u.xlsx%3Fa%3D1%26b%3D%222%22\""
        ));
        assert!(iframe.contains("thongbao:height"));
        assert!(script.contains("src=\"https://portal.example/thongbao/embed.js\""));
        assert!(script
            .contains("data-src=\"https://data.example/số liệu.xlsx?a=1&amp;b=&quot;2&quot;\""));
        let (_, plain) = snippets("http://x/app/", "dashboard", "vi", " ", "");
        assert!(!plain.contains("data-src"));
        assert!(!plain.contains("data-source"));
    }

    #[test]
    fn the_iframe_snippet_is_sandboxed_and_answers_the_widget() {
        let (iframe, _) = snippets("https://p.example/tb/index.html", "notice", "vi", "", "");
        assert!(iframe.contains(
            "sandbox=\"allow-scripts allow-same-origin allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox\""
        ));
        // The host tells the widget its sandbox, so the widget can say when
        // a download or printing is blocked; only for its own frame.
        assert!(iframe.contains("e.source !== f.contentWindow"));
        assert!(iframe.contains("thongbao:hello"));
        assert!(iframe.contains("sandbox: f.getAttribute(\"sandbox\")"));
        assert!(!iframe.contains("&amp;source="));
    }

    #[test]
    fn the_credit_text_goes_into_both_snippets_escaped() {
        let (iframe, script) = snippets(
            "https://p.example/tb/index.html",
            "chart",
            "vi",
            "so-lieu.xlsx",
            "  UBND huyện \"Quan Sơn\" <b>&\n ",
        );
        assert!(iframe.contains(
            "&amp;src=so-lieu.xlsx&amp;source=UBND%20huy%E1%BB%87n%20%22Quan%20S%C6%A1n%22%20%3Cb%3E%26\""
        ));
        assert!(script.contains("data-source=\"UBND huyện &quot;Quan Sơn&quot; &lt;b&gt;&amp;\""));
        assert!(!script.contains("<b>"));
    }

    #[test]
    fn credit_line_default_custom_and_missing_parts() {
        let d = Date::new(2021, 11, 12);
        assert_eq!(
            credit_line(None, "so-lieu.xlsx", d, "huyện Quan Sơn", Lang::Vi),
            "Nguồn: so-lieu.xlsx · Số liệu ngày 12/11/2021 · Huyện Quan Sơn"
        );
        assert_eq!(
            credit_line(
                Some("UBND huyện Quan Sơn"),
                "a.csv, b.csv",
                d,
                "huyện Quan Sơn",
                Lang::En
            ),
            "Source: UBND huyện Quan Sơn · Figures of 12/11/2021 · Huyện Quan Sơn"
        );
        // An empty custom text keeps the file names; text stays as typed.
        assert_eq!(
            credit_line(
                Some("  "),
                "<img src=x onerror=alert(1)>.csv",
                None,
                "",
                Lang::Vi
            ),
            "Nguồn: <img src=x onerror=alert(1)>.csv"
        );
        assert_eq!(credit_line(None, "", None, " ", Lang::Vi), "");
        let long = "x".repeat(500);
        assert_eq!(clean_source(&long).unwrap().chars().count(), 200);
        assert_eq!(clean_source("a\u{0}\tb\r\nc").as_deref(), Some("a b c"));
    }
}
