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
}

impl KeyIds {
    fn id(&mut self, district: Option<&str>, name: &str) -> u32 {
        let d = district.unwrap_or("");
        let slot = match self.districts.get(d) {
            Some(&s) => s,
            None => {
                self.names.push(FastMap::default());
                self.districts.insert(d.to_string(), self.names.len() - 1);
                self.names.len() - 1
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
    /// (date, unit id) → the line that had it first.
    seen: FastMap<(Option<Date>, u32), usize>,
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
        let key = (date, self.ids.id(district, name));
        if let Some(&first_line) = self.seen.get(&key) {
            return Some(RowIssue::error(
                line,
                cols.name_of(cols.unit),
                name,
                IssueKind::DuplicateUnit {
                    first_line,
                    first_file: None,
                },
            ));
        }
        self.seen.insert(key, line);
        None
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
