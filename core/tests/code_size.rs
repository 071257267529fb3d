//! Size limits of the code (issue #13): no `.rs` file over [`MAX_FILE_LINES`]
//! lines and no function over [`MAX_FN_LINES`] lines, under `crates/`,
//! `core/src` and the app's `src/`.
//!
//! Today's other violators are listed in [`ALLOWED`]; the list may only
//! shrink: an entry that is now within the limits fails the test too, so it
//! is taken out as soon as its file or function is split.
//!
//! How lines are counted (an approximation, good enough for a limit):
//! - a file's size is its number of lines (`str::lines`), tests and
//!   comments included;
//! - a function runs from the line of its `fn` keyword to the line of the
//!   brace that closes its body, both included (its doc comment and
//!   attributes are not counted). Bodies are matched by counting braces
//!   after comments (`//`, nested `/* */`), string literals (`"…"` with
//!   escapes, raw `r#"…"#`, byte strings) and char literals (`'{'`, `'\''`;
//!   a `'` not closed one or an escape later is taken as a lifetime) have
//!   been blanked out, keeping line breaks. Macros that write braces in
//!   other ways, or a `{` inside a signature (const generics), could fool it;
//!   none does today;
//! - a `fn` whose signature ends with `;` before any `{` (a trait method
//!   without a default body) has no body and is not counted; a function
//!   nested in another counts for itself and inside the outer one.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 900;
const MAX_FN_LINES: usize = 120;

/// Known violators outside `crates/read` (whose code must hold the limits
/// with no exception): a file path, or `path::fn_name` (every function of
/// that name in that file). The lead engineer shrinks this list.
const ALLOWED: &[&str] = &[];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ sits in the repository")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The text with comments, strings and char literals replaced by spaces
/// (line breaks kept), so braces can be counted.
fn blank_out(src: &str) -> Vec<u8> {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && ident(b[i - 1]);
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = b[i..]
                .iter()
                .position(|&x| x == b'\n')
                .map_or(b.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if !prev_ident && (c == b'r' || (c == b'b' && b.get(i + 1) == Some(&b'r'))) && {
            let s = if c == b'b' { i + 2 } else { i + 1 };
            let hashes = b[s..].iter().take_while(|&&x| x == b'#').count();
            b.get(s + hashes) == Some(&b'"')
        } {
            // Raw string: r"…", r#"…"#, br"…".
            let s = if c == b'b' { i + 2 } else { i + 1 };
            let hashes = b[s..].iter().take_while(|&&x| x == b'#').count();
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = s + hashes + 1;
            let end = b[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |p| body + p + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if c == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{7B}', 'ư'), else a lifetime.
            let end = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|&x| x == b'\'')
                    .map(|p| i + 2 + p)
            } else {
                let len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 1 + len)
            };
            match end {
                Some(e) => {
                    blank(&mut out, i, e + 1);
                    i = e + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Every function with a body: (name, lines from `fn` to its closing brace).
fn functions(src: &str) -> Vec<(String, usize)> {
    let b = blank_out(src);
    let line_at = |pos: usize| b[..pos].iter().filter(|&&c| c == b'\n').count();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut found = Vec::new();
    let mut i = 0;
    while i + 2 < b.len() {
        let is_fn = &b[i..i + 2] == b"fn"
            && (i == 0 || !ident(b[i - 1]))
            && b.get(i + 2).is_some_and(|c| c.is_ascii_whitespace());
        if !is_fn {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let name_start = j;
        while j < b.len() && ident(b[j]) {
            j += 1;
        }
        let name = String::from_utf8_lossy(&b[name_start..j]).into_owned();
        // The body's `{`, unless a `;` ends the signature first.
        let Some(open) = b[j..]
            .iter()
            .position(|&c| c == b'{' || c == b';')
            .map(|p| j + p)
            .filter(|&p| b[p] == b'{')
        else {
            i = j;
            continue;
        };
        let mut depth = 0usize;
        let mut close = b.len() - 1;
        for (k, &c) in b.iter().enumerate().skip(open) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        found.push((name, line_at(close) - line_at(i) + 1));
        // Go on inside the body: nested functions count for themselves.
        i = open + 1;
    }
    found
}

/// Every file and function over the limits, as (`path` or `path::fn`, what).
fn violations(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["crates", "core/src", "src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(
        files.len() > 50,
        "the walk found only {} files",
        files.len()
    );
    let mut out = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let src = std::fs::read_to_string(&path).expect("readable source");
        let lines = src.lines().count();
        if lines > MAX_FILE_LINES {
            out.push((
                rel.clone(),
                format!("{lines} lines (at most {MAX_FILE_LINES})"),
            ));
        }
        for (name, n) in functions(&src) {
            if n > MAX_FN_LINES {
                let id = format!("{rel}::{name}");
                let what = format!("fn of {n} lines (at most {MAX_FN_LINES})");
                if !out.iter().any(|(i, _)| *i == id) {
                    out.push((id, what));
                }
            }
        }
    }
    out
}

#[test]
fn no_file_or_function_over_the_limits() {
    let found = violations(&repo_root());
    let mut failures = Vec::new();
    for (id, what) in &found {
        if id.starts_with("crates/read/") {
            failures.push(format!("{id}: {what} (crates/read has no exception)"));
        } else if !ALLOWED.contains(&id.as_str()) {
            failures.push(format!("{id}: {what}"));
        }
    }
    for id in ALLOWED {
        if !found.iter().any(|(f, _)| f == id) {
            failures.push(format!(
                "{id}: within the limits now; take it out of ALLOWED in core/tests/code_size.rs"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "code size:\n  {}",
        failures.join("\n  ")
    );
}

/// The counting itself, on a small text with the traps it handles.
#[test]
fn functions_are_measured_by_their_braces() {
    let src = "/// Doc { not counted\nfn a() {\n    let s = \"}\";\n    let c = '}';\n    // }\n    let r = r#\"{{\"#;\n}\n\
               trait T {\n    fn no_body(&self);\n}\nfn b<'x>(v: &'x str) -> &'x str {\n    fn inner() {}\n    /* { */ v\n}\n";
    let f = functions(src);
    assert_eq!(
        f,
        [
            ("a".to_string(), 6),
            ("b".to_string(), 4),
            ("inner".to_string(), 1)
        ]
    );
}
