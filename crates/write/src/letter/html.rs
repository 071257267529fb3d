//! The letter as HTML for the page (laid out by `style/letter.css` as the
//! A4 pages of Decree 30/2020). One string set as `innerHTML`: a letter of
//! 3.000 communes is one parse, not 20.000 reactive nodes, and the markup
//! is tested here. Every text is escaped; class names are constants.

use super::{Block, Letter};
use crate::html::el;

/// A table row of cells, numbers right-aligned.
fn row(o: &mut String, cls: &str, cells: &[String], numeric: &[bool]) {
    o.push_str(if cls.is_empty() {
        "<tr>"
    } else {
        "<tr class=\"nd-total\">"
    });
    for (i, c) in cells.iter().enumerate() {
        let num = numeric.get(i).copied().unwrap_or(false);
        el(o, "td", if num { "nd-num" } else { "" }, c);
    }
    o.push_str("</tr>");
}

/// The letter's two pages: the letter and its appendix.
pub fn to_html(l: &Letter) -> String {
    let a = &l.appendix;
    let mut o = String::with_capacity(4096 + 160 * a.rows.len());
    o.push_str("<article class=\"nd-page\" aria-label=\"Công văn\">");
    o.push_str("<table class=\"nd-header\" role=\"presentation\"><tr><td class=\"nd-left\">");
    for (i, s) in l.issuer.iter().enumerate() {
        let cls = if i + 1 == l.issuer.len() {
            "nd-issuer nd-bold"
        } else {
            "nd-issuer"
        };
        el(&mut o, "p", cls, s);
    }
    o.push_str("<hr class=\"nd-rule-issuer\"></td><td class=\"nd-right\">");
    el(&mut o, "p", "nd-national", &l.national_title);
    el(&mut o, "p", "nd-motto", &l.motto);
    o.push_str("<hr class=\"nd-rule-motto\"></td></tr><tr><td class=\"nd-left\">");
    el(&mut o, "p", "nd-number", &l.number_line);
    if l.doc_type.is_none() {
        el(&mut o, "p", "nd-subject", &l.subject);
    }
    o.push_str("</td><td class=\"nd-right\">");
    el(&mut o, "p", "nd-place-date", &l.place_date);
    o.push_str("</td></tr></table>");
    if let Some(t) = &l.doc_type {
        el(&mut o, "p", "nd-doc-type", t);
        el(&mut o, "p", "nd-doc-subject", &l.subject);
    }
    match l.recipients.as_slice() {
        [] => {}
        [one] => el(&mut o, "p", "nd-kinhgui", &format!("Kính gửi: {one}")),
        many => {
            o.push_str("<div class=\"nd-kinhgui\"><span class=\"nd-kinhgui-label\">Kính gửi:</span><div class=\"nd-kinhgui-list\">");
            for r in many {
                el(&mut o, "p", "", r);
            }
            o.push_str("</div></div>");
        }
    }
    o.push_str("<div class=\"nd-body\">");
    for b in &l.body {
        match b {
            Block::Heading(t) => el(&mut o, "p", "nd-heading", t),
            Block::Para(t) => el(&mut o, "p", "nd-para", t),
        }
    }
    o.push_str(
        "</div><table class=\"nd-signature\" role=\"presentation\"><tr><td class=\"nd-noinhan\">",
    );
    el(&mut o, "p", "nd-noinhan-label", "Nơi nhận:");
    for r in &l.noi_nhan {
        el(&mut o, "p", "", r);
    }
    o.push_str("</td><td class=\"nd-signer\">");
    el(&mut o, "p", "nd-bold", &l.authority);
    el(&mut o, "p", "nd-bold", &l.title);
    o.push_str("<div class=\"nd-sign-space\"></div>");
    el(&mut o, "p", "nd-bold nd-signer-name", &l.signer);
    o.push_str("</td></tr></table></article>");

    o.push_str("<article class=\"nd-page nd-appendix\" aria-label=\"Phụ lục\">");
    el(&mut o, "p", "nd-appendix-heading", &a.heading);
    el(&mut o, "p", "nd-appendix-title", &a.title);
    el(&mut o, "p", "nd-appendix-note", &a.note);
    o.push_str("<hr class=\"nd-rule-short\"><table class=\"nd-table\"><thead><tr>");
    for c in &a.columns {
        el(&mut o, "th", "", c);
    }
    o.push_str("</tr></thead><tbody>");
    for r in &a.rows {
        row(&mut o, "", r, &a.numeric);
    }
    row(&mut o, "nd-total", &a.total, &a.numeric);
    o.push_str("</tbody></table></article>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Letter {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap();
        let p = super::super::profile::covid_qr();
        let m = super::super::sample_manual();
        super::super::covid_letter(&d, &m, &Default::default(), &p.fields, &p)
    }

    #[test]
    fn the_seed_letter_as_html() {
        let h = to_html(&sample());
        assert!(h.starts_with("<article class=\"nd-page\""));
        assert!(h.contains("<p class=\"nd-national\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"));
        assert!(h.contains("<p class=\"nd-number\">Số: 2092/UBND-VHTT</p>"));
        assert_eq!(h.matches("<article").count(), 2);
        // Header (2) and signature (1) layout rows, the column heads, the
        // 12 communes; then the total row; numbers right-aligned.
        assert_eq!(h.matches("<tr>").count(), 2 + 1 + 1 + 12);
        assert_eq!(h.matches("<tr class=\"nd-total\">").count(), 1);
        assert!(h.contains("<td class=\"nd-num\">4.336</td>"));
    }

    #[test]
    fn a_file_without_a_date_leaves_no_placeholder() {
        let d = crate::ingest::read("Xã,Lượt quét\nXã Một,5\n".as_bytes(), "x.csv").unwrap();
        let p = super::super::profile::covid_qr();
        let l =
            super::super::covid_letter(&d, &Default::default(), &Default::default(), &p.fields, &p);
        assert!(l.subject.ends_with("trên địa bàn huyện"), "{}", l.subject);
        assert!(
            l.appendix.title.ends_with("QUÉT MÃ QR"),
            "{}",
            l.appendix.title
        );
        assert!(!to_html(&l).contains('{'));
    }

    #[test]
    fn text_stays_text() {
        let mut l = sample();
        l.signer = "<img src=x onerror=alert(1)> & \"Lò\"".into();
        l.appendix.rows[0][1] = "</td><script>x</script>".into();
        let h = to_html(&l);
        assert!(!h.contains("<img") && !h.contains("<script"));
        assert!(h.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Lò&quot;"));
    }
}
