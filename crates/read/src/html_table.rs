//! HTML tables (clipboard from Excel, "xls" files that are really HTML) as
//! tab-separated text, so they go through the same row reader as CSV.

/// Extract the rows of the first `<table>` (or of the whole document when it
/// has none) as TSV: one line per `<tr>`, cells joined with tabs. Tags are
/// dropped, entities decoded, whitespace inside a cell collapsed.
pub fn to_tsv(html: &str) -> String {
    let mut out = String::new();
    let mut cell = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut in_cell = false;
    let mut rest = html;
    let flush_row = |row: &mut Vec<String>, out: &mut String| {
        if !row.is_empty() {
            out.push_str(&row.join("\t"));
            out.push('\n');
            row.clear();
        }
    };
    while let Some(lt) = rest.find('<') {
        if in_cell {
            cell.push_str(&rest[..lt]);
        }
        let after = &rest[lt..];
        let gt = match after.find('>') {
            Some(g) => g,
            None => break,
        };
        let tag = after[1..gt].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = tag.starts_with('/');
        match (name.as_str(), closing) {
            ("td" | "th", false) => {
                if in_cell {
                    row.push(clean_cell(&cell));
                }
                cell.clear();
                in_cell = true;
                // colspan: repeat empty cells so columns stay aligned.
                if let Some(n) = attr_num(&tag, "colspan") {
                    for _ in 1..n.min(100) {
                        row.push(String::new());
                    }
                }
            }
            ("td" | "th", true) => {
                if in_cell {
                    let c = clean_cell(&cell);
                    // colspan cells were pre-filled; the value goes first.
                    row.push(c);
                }
                cell.clear();
                in_cell = false;
            }
            ("br", _) | ("p", true) if in_cell => cell.push(' '),
            ("tr", _) => {
                if in_cell {
                    row.push(clean_cell(&cell));
                    cell.clear();
                    in_cell = false;
                }
                flush_row(&mut row, &mut out);
            }
            ("style" | "script", false) => {
                let end = format!("</{name}");
                let lower = after.to_ascii_lowercase();
                if let Some(e) = lower.find(&end) {
                    rest = &after[e..];
                    continue;
                }
            }
            _ => {}
        }
        rest = &after[gt + 1..];
    }
    if in_cell {
        row.push(clean_cell(&cell));
    }
    flush_row(&mut row, &mut out);
    out
}

fn attr_num(tag: &str, name: &str) -> Option<usize> {
    let i = tag.find(name)?;
    let v: String = tag[i + name.len()..]
        .chars()
        .skip_while(|c| matches!(c, '=' | '"' | '\'' | ' '))
        .take_while(|c| c.is_ascii_digit())
        .collect();
    v.parse().ok()
}

fn clean_cell(s: &str) -> String {
    let decoded = decode_entities(s);
    decoded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\t', " ")
}

/// Decode the HTML entities Excel writes.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let Some(semi) = semi else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let ent = &after[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_clipboard_html() {
        let html = "<html><style>td{}</style><table><tr><td>STT</td><td>Xã</td><td>Lượt quét</td></tr>\
                    <tr><td>1</td><td>Xã Sơn&nbsp;Hà</td><td>1.150</td></tr><tr><td colspan=2>Tổng &amp; cộng</td><td>10</td></tr></table>";
        assert_eq!(
            to_tsv(html),
            "STT\tXã\tLượt quét\n1\tXã Sơn Hà\t1.150\n\tTổng & cộng\t10\n"
        );
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for s in [
            "<",
            "<td",
            "&#xFFFFFFFF;",
            "<tr><td>a",
            "&",
            "<table><tr><td>&#99999999999;</td>",
        ] {
            let _ = to_tsv(s);
        }
    }
}
