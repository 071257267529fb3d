//! Units into periods: unit keys interned, the duplicate check (one unit
//! once per date), and the periods in date order at the end.

use super::super::IngestError;
use super::columns::Columns;
use crate::date::Date;
use crate::fastmap::FastMap;
use crate::model::{unit_key, Period, Unit};
use crate::source::{IssueKind, RowIssue, SourceReport};

/// Unit keys by the raw (district, name) text: [`unit_key`] folds each
/// distinct pair once, not once per row (a long file lists every commune
/// again for every date), and the duplicate check hashes a number.
#[derive(Default)]
struct KeyIds {
    /// District text → its slot in `names` ("" for none).
    districts: FastMap<String, usize>,
    /// Per district: name text → id.
    names: Vec<FastMap<String, u32>>,
    /// Folded key → id: texts that fold alike share an id.
    folded: FastMap<String, u32>,
    /// The last row's district text and slot: rows come grouped by
    /// district, so most rows find theirs without hashing it.
    last: Option<(String, usize)>,
}

impl KeyIds {
    fn id(&mut self, district: Option<&str>, name: &str) -> u32 {
        let d = district.unwrap_or("");
        let slot = match &self.last {
            Some((text, slot)) if text == d => *slot,
            _ => {
                let slot = match self.districts.get(d) {
                    Some(&s) => s,
                    None => {
                        self.names.push(FastMap::default());
                        self.districts.insert(d.to_string(), self.names.len() - 1);
                        self.names.len() - 1
                    }
                };
                self.last = Some((d.to_string(), slot));
                slot
            }
        };
        if let Some(&id) = self.names[slot].get(name) {
            return id;
        }
        let next = self.folded.len() as u32;
        let id = *self.folded.entry(unit_key(district, name)).or_insert(next);
        self.names[slot].insert(name.to_string(), id);
        id
    }
}

#[derive(Default)]
pub(super) struct Periods {
    list: Vec<Period>,
    /// (date number, unit id) as one word → the line that had it first.
    seen: FastMap<u64, usize>,
    /// Each date met → its number; the last row's looked up first.
    dates: FastMap<Option<Date>, u32>,
    last_date: Option<(Option<Date>, u32)>,
    ids: KeyIds,
}

impl Periods {
    /// An error if the unit was on an earlier line for the same date; else
    /// the unit is remembered at this line.
    pub fn duplicate(
        &mut self,
        line: usize,
        date: Option<Date>,
        district: Option<&str>,
        name: &str,
        cols: &Columns,
    ) -> Option<RowIssue> {
        let number = match self.last_date {
            Some((d, n)) if d == date => n,
            _ => {
                let next = self.dates.len() as u32;
                let n = *self.dates.entry(date).or_insert(next);
                self.last_date = Some((date, n));
                n
            }
        };
        let key = u64::from(number) << 32 | u64::from(self.ids.id(district, name));
        match self.seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => Some(RowIssue::error(
                line,
                cols.name_of(cols.unit),
                name,
                IssueKind::DuplicateUnit {
                    first_line: *first.get(),
                    first_file: None,
                },
            )),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                None
            }
        }
    }

    pub fn push(&mut self, date: Option<Date>, unit: Unit) {
        // Rows of one date usually follow each other: try the last period first.
        let slot = match self.list.last() {
            Some(p) if p.date == date => Some(self.list.len() - 1),
            _ => self.list.iter().position(|p| p.date == date),
        };
        match slot {
            Some(i) => self.list[i].units.push(unit),
            None => self.list.push(Period {
                date,
                units: vec![unit],
                totals: None,
            }),
        }
    }

    /// The periods in date order with the extra columns' headers, or the
    /// error of a file without any unit. Sorts the report's issues by line.
    pub fn finish(
        mut self,
        report: &mut SourceReport,
        cols: &Columns,
    ) -> Result<(Vec<Period>, Vec<String>), IngestError> {
        thongbao_model::order::sort_by_key(&mut report.issues, |i| i.line);
        if self.list.is_empty() {
            return Err(IngestError::NoUnits {
                file: report.file_name.clone(),
                rejected: report.account.rejected,
                issues: std::mem::take(&mut report.issues),
            });
        }
        thongbao_model::order::sort_by_key(&mut self.list, |p| p.date);
        let extra = cols
            .extra
            .iter()
            .map(|&c| cols.headers[c].clone())
            .collect();
        Ok((self.list, extra))
    }
}
