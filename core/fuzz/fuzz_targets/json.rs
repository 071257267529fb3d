//! Every JSON the app reads — profiles, saved work, stored data, backups,
//! history, read options, the worker's answer — from any bytes: a value or
//! a typed error, never a panic, and what is read writes back readable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thongbao_core::history::Snapshot;
use thongbao_core::ingest::{header, job, ReadOptions};
use thongbao_core::json::parse_value;
use thongbao_core::letter::profile::{list_from_json, Profile};
use thongbao_core::saved::{Backup, Saved, StoredData};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let _ = parse_value(s);
    // What was read is written back readable (a float may move by an ulp:
    // the decimal reader's bound, so equality is not asked).
    if let Ok(p) = Profile::from_json(s) {
        assert!(Profile::from_json(&p.to_json()).is_ok(), "profile round trip");
    }
    if let Ok(w) = Saved::from_json(s) {
        assert!(Saved::from_json(&w.to_json()).is_ok(), "saved round trip");
    }
    let _ = StoredData::from_json(s);
    let _ = StoredData::head_from_json(s);
    let _ = Backup::from_json(s);
    let _ = Snapshot::from_json(s);
    let _ = ReadOptions::from_json_text(s);
    let _ = job::from_json(s);
    let _ = header::mapping_from_stored(s);
    let _ = list_from_json(s);
});
