//! Loading files as a background job (the browser runs it in a Web Worker,
//! so a large file never freezes the page): the result travels as JSON.

use super::{read_with_progress, IngestError, ReadOptions};
use crate::model::Dataset;

/// Read every file, merge them, and keep the units of the last two
/// periods only when the data is larger than `compact_above` unit rows.
/// `progress` gets 0.0–1.0 over all the files.
pub fn run(
    files: &[(String, Vec<u8>)],
    opts: &ReadOptions,
    compact_above: usize,
    progress: &mut dyn FnMut(f64),
) -> Result<Dataset, IngestError> {
    let total: usize = files.iter().map(|(_, b)| b.len()).sum::<usize>().max(1);
    let mut done = 0usize;
    let mut parts = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let share = bytes.len() as f64 / total as f64;
        let base = done as f64 / total as f64;
        parts.push(read_with_progress(bytes, name, opts, &mut |p| {
            progress(base + p * share)
        })?);
        done += bytes.len();
    }
    let mut d = Dataset::merge(parts);
    if d.unit_rows() > compact_above {
        d.compact(2);
    }
    progress(1.0);
    Ok(d)
}

/// The job's result as JSON, for the trip back to the page.
pub fn to_json(r: &Result<Dataset, IngestError>) -> String {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    enum R<'a> {
        Ok(&'a Dataset),
        Err(&'a IngestError),
    }
    let r = match r {
        Ok(d) => R::Ok(d),
        Err(e) => R::Err(e),
    };
    serde_json::to_string(&r).unwrap_or_default()
}

/// Read a job's result.
pub fn from_json(s: &str) -> Result<Dataset, IngestError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum R {
        Ok(Dataset),
        Err(IngestError),
    }
    match serde_json::from_str::<R>(s) {
        Ok(R::Ok(d)) => Ok(d),
        Ok(R::Err(e)) => Err(e),
        Err(e) => Err(IngestError::Internal {
            file: String::new(),
            detail: crate::json_error_place(&e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_file_is_compacted_to_two_periods_and_survives_the_trip() {
        let mut csv = String::from("Ngày,Xã,Lượt quét\n");
        for d in 1..=5 {
            for u in 0..4 {
                csv.push_str(&format!("0{d}/11/2021,Xã {u},{}\n", d * 10 + u));
            }
        }
        let mut seen = Vec::new();
        let r = run(
            &[("dai.csv".into(), csv.into_bytes())],
            &ReadOptions::default(),
            8,
            &mut |p| seen.push(p),
        );
        let back = from_json(&to_json(&r)).unwrap();
        assert_eq!(back.periods.len(), 5);
        assert_eq!(back.unit_rows(), 8);
        assert_eq!(seen.last(), Some(&1.0));
        // Compacted: the older periods keep their totals only.
        use crate::model::{totals_of, Indicator::Scans};
        assert_eq!(
            totals_of(&back.periods[0]).get(Scans),
            Some(10 + 11 + 12 + 13)
        );
        let last = totals_of(&back.periods[4]).get(Scans).unwrap_or(0);
        let before = totals_of(&back.periods[3]).get(Scans).unwrap_or(0);
        assert_eq!(last - before, 40);
        let e = run(
            &[("x.csv".into(), Vec::new())],
            &ReadOptions::default(),
            8,
            &mut |_| {},
        );
        assert!(matches!(
            from_json(&to_json(&e)),
            Err(IngestError::Empty { .. })
        ));
    }
}
