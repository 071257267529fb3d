//! Every JSON the app writes keeps its form byte for byte: the files under
//! `tests/data/json-forms/` were written by serde's derived `Serialize`
//! (commit c8fbda4, before the writer was ours), so saved work, backups,
//! archives and embed events written before and after read the same.
//! `BLESS=1 cargo test --test json_forms` writes them anew (only for a
//! deliberate change of form).
mod json_forms {
    pub mod build;
}

#[test]
fn every_form_is_what_serde_wrote() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/json-forms");
    let bless = std::env::var_os("BLESS").is_some();
    let forms = json_forms::build::forms();
    assert!(forms.len() >= 20);
    for (name, text) in forms {
        let path = dir.join(format!("{name}.json"));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            kept == text,
            "{name}: the form changed\nkept: {kept}\nnow:  {text}"
        );
    }
}
