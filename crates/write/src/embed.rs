//! The snippets a portal webmaster pastes to embed the app (the app's
//! "Embed" panel shows them for the current settings).

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

/// For the app at `base` (its page address): the iframe snippet (with the few lines that size it) and the script one.
pub fn snippets(base: &str, view: &str, lang: &str, src: &str) -> (String, String) {
    let dir = base.rsplit_once('/').map(|(d, _)| d).unwrap_or(base);
    let mut url = format!("{dir}/index.html?embed=1&view={view}&lang={lang}");
    if !src.trim().is_empty() {
        url.push_str("&src=");
        url.push_str(&encode_uri_component(src.trim()));
    }
    let iframe = format!(
        "<iframe id=\"thongbao\" src=\"{}\" title=\"Thông báo kết quả ứng dụng CNTT\" style=\"width:100%;border:0\" height=\"600\"></iframe>\n\
<script>\n\
addEventListener(\"message\", function (e) {{\n\
  if (e.data && e.data.type === \"thongbao:height\") document.getElementById(\"thongbao\").height = e.data.height;\n\
}});\n\
</script>",
        attr_escape(&url)
    );
    let script = format!(
        "<div id=\"thongbao-widget\"></div>\n<script type=\"module\" src=\"{}/embed.js\" data-target=\"#thongbao-widget\" data-view=\"{view}\" data-lang=\"{lang}\"{}></script>",
        attr_escape(dir),
        if src.trim().is_empty() { String::new() } else { format!(" data-src=\"{}\"", attr_escape(src.trim())) }
    );
    (iframe, script)
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
        );
        assert!(iframe.contains(
            "src=\"https://portal.example/thongbao/index.html?embed=1&amp;view=table&amp;lang=en&amp;src=https%3A%2F%2Fdata.example%2Fs%E1%BB%91%20li%E1%BB%87u.xlsx%3Fa%3D1%26b%3D%222%22\""
        ));
        assert!(iframe.contains("thongbao:height"));
        assert!(script.contains("src=\"https://portal.example/thongbao/embed.js\""));
        assert!(script
            .contains("data-src=\"https://data.example/số liệu.xlsx?a=1&amp;b=&quot;2&quot;\""));
        let (_, plain) = snippets("http://x/app/", "dashboard", "vi", " ");
        assert!(!plain.contains("data-src"));
    }
}
