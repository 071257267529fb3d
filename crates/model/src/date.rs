//! Calendar dates as the letters and spreadsheets use them.
//!
//! The calendar (validity, days between dates, adding days, Excel serials)
//! is chrono's [`NaiveDate`]: no time zone, no clock. On top sit the
//! Vietnamese rules: what a cell or a typed field may hold ([`Date::parse`]),
//! finding the date in a title or file name ([`Date::find_in`]) and the
//! forms of Decree 30 (`ngày 05 tháng 01 năm 2022`, `16/11/2021`).
//!
//! Dates read from files and forms lie in [`YEARS`]: a report of 1830 or
//! 2230 is a typing error, not a date.

use chrono::{Datelike, Days, NaiveDate};
use std::fmt;
use std::ops::RangeInclusive;

/// A calendar date. The serde form (`{"year", "month", "day"}`) is the saved
/// work's, unchanged since version 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

crate::json::from_json_struct!(Date {
    year: req,
    month: req,
    day: req,
});

/// The years [`Date::parse`], [`Date::find_in`] and
/// [`Date::from_excel_serial`] accept.
pub const YEARS: RangeInclusive<i32> = 1900..=2100;

/// 1970-01-01, day 0 of [`Date::to_days`].
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Day 0 of Excel's 1900 date system as it counts after 28/02/1900.
const EXCEL_ZERO: NaiveDate = match NaiveDate::from_ymd_opt(1899, 12, 30) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl Date {
    /// A valid date of years 1..=9999, or `None` (31/02, month 13 …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))?;
        Some(Date { year, month, day })
    }

    fn from_naive(d: NaiveDate) -> Option<Date> {
        Date::new(
            d.year(),
            u8::try_from(d.month()).ok()?,
            u8::try_from(d.day()).ok()?,
        )
    }

    /// The chrono date. A `Date` holding an impossible day (only hand-edited
    /// saved JSON can: the fields are public) counts on from the first of
    /// its month, 31/02 as 03/03, as the civil-days formula did.
    fn naive(self) -> NaiveDate {
        if let Some(d) =
            NaiveDate::from_ymd_opt(self.year, u32::from(self.month), u32::from(self.day))
        {
            return d;
        }
        let year = self
            .year
            .clamp(NaiveDate::MIN.year(), NaiveDate::MAX.year());
        let first =
            NaiveDate::from_ymd_opt(year, u32::from(self.month.clamp(1, 12)), 1).unwrap_or(EPOCH);
        first
            .checked_add_days(Days::new(u64::from(self.day.saturating_sub(1))))
            .unwrap_or(first)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        self.naive().signed_duration_since(EPOCH).num_days()
    }

    /// Inverse of [`Date::to_days`]; `None` outside years 1..=9999.
    pub fn from_days(z: i64) -> Option<Date> {
        Date::from_naive(EPOCH).and_then(|d| d.add_days(z))
    }

    /// The date `n` days later (earlier when negative); `None` outside
    /// years 1..=9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        let d = self.naive();
        let moved = if n >= 0 {
            d.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            d.checked_sub_days(Days::new(n.unsigned_abs()))
        };
        Date::from_naive(moved?)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.naive().signed_duration_since(self.naive()).num_days()
    }

    /// Day of the week, ISO numbering: 1 = Monday (thứ hai) … 7 = Sunday
    /// (chủ nhật).
    pub fn weekday(self) -> u8 {
        // 1..=7 always fits.
        self.naive().weekday().number_from_monday() as u8
    }

    /// The date of an Excel serial number (1900 date system, with Excel's
    /// phantom 29/02/1900). Fractions (times of day) are dropped; `None`
    /// outside [`YEARS`].
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || !(1.0..80_000.0).contains(&serial) {
            return None;
        }
        let mut s = serial.floor() as u64;
        if s < 60 {
            s += 1; // before Excel's fictitious 1900-02-29
        }
        let d = Date::from_naive(EXCEL_ZERO.checked_add_days(Days::new(s))?)?;
        YEARS.contains(&d.year).then_some(d)
    }

    /// The Excel serial number of this date.
    pub fn to_excel_serial(self) -> f64 {
        let s = self.naive().signed_duration_since(EXCEL_ZERO).num_days();
        (if s < 61 { s - 1 } else { s }) as f64
    }

    /// A whole cell or field that is a date, as Vietnamese files write it:
    /// `d/m/yyyy`, `dd/mm/yyyy`, `d-m-yyyy`, `d.m.yyyy` (one separator),
    /// `yyyy-mm-dd`, optionally after the word "ngày" and followed by a time
    /// (`08:30`, `08:30:15`, `8:30 SA`, `2021-11-05T08:30:00Z`), or the words
    /// "ngày 16 tháng 11 năm 2021" (with or without diacritics, any case).
    /// Two-digit years (`12/11/21`) are 20yy: Excel saves a cell as it is
    /// shown, and Windows' short date is `d/m/yy` on many office machines.
    /// Anything else is refused: trailing text, one-digit years ("1/2/3"),
    /// impossible days (31/02/2021), years outside [`YEARS`].
    pub fn parse(s: &str) -> Option<Date> {
        let f = crate::text::fold(s);
        let f = f.strip_prefix("ngay ").unwrap_or(&f);
        if let Some(d) = words_date(f) {
            return Some(d);
        }
        let (date, rest) = split_numeric(f);
        let d = numeric_date(date)?;
        match rest {
            "" => Some(d),
            _ => time_of_day(rest.strip_prefix([' ', 't'])?).then_some(d),
        }
    }

    /// The date written inside a title or a file name: the first date,
    /// numeric ("Số liệu đến 12/11/2021", `quan-son-2021-11-12.csv`) or in
    /// words ("tính đến ngày 16 tháng 11 năm 2021"), that is not part of a
    /// longer number. Same formats and years as [`Date::parse`].
    pub fn find_in(s: &str) -> Option<Date> {
        let f = crate::text::fold(s);
        let b = f.as_bytes();
        let is_num = |c: u8| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-');
        let mut best: Option<(usize, Date)> = None;
        // Numeric: runs of digits and separators.
        let mut i = 0;
        while i < b.len() {
            if !is_num(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && is_num(b[i]) {
                i += 1;
            }
            // A digit glued to a letter ("v12/11/2021", "2021abc") is not a
            // date's; an ISO time ("2021-11-05T08:30", folded) is.
            let glued = |k: usize| b.get(k).is_some_and(|c| c.is_ascii_alphabetic());
            let iso_time =
                |k: usize| b.get(k) == Some(&b't') && b.get(k + 1).is_some_and(u8::is_ascii_digit);
            if let Some((at, d)) = date_in_run(&f[start..i]) {
                let (from, to) = (start + at.start, start + at.end);
                let before = from.checked_sub(1).is_some_and(glued);
                if !before && (!glued(to) || iso_time(to)) {
                    best = Some((from, d));
                    break;
                }
            }
        }
        // Words: "ngày 16 tháng 11 năm 2021"; the earlier of the two wins.
        if let Some((at, d)) = words_in(&f) {
            if best.is_none_or(|(from, _)| at < from) {
                best = Some((at, d));
            }
        }
        best.map(|(_, d)| d)
    }

    /// `16/11/2021` — the form used inside sentences and references. The
    /// year has four digits.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `05/11` — day and month, as the seed letter writes "so với ngày 05/11".
    pub fn dm(self) -> String {
        format!("{:02}/{:02}", self.day, self.month)
    }

    /// `ngày 16 tháng 11 năm 2021` — Decree 30: leading zero on days 1–9 and
    /// on months 1 and 2 only.
    pub fn decree_long(self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {} năm {:04}", self.day, month, self.year)
    }

    /// ISO `2021-11-16`, for file names and storage keys.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dmy())
    }
}

/// A date of the calendar in [`YEARS`].
fn checked(year: u32, month: u32, day: u32) -> Option<Date> {
    let year = i32::try_from(year).ok()?;
    if !YEARS.contains(&year) {
        return None;
    }
    Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// A number of `digits` ASCII digits (one of them).
fn number(s: &str, digits: RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The folded text split where the date's characters end.
fn split_numeric(f: &str) -> (&str, &str) {
    let end = f
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(f.len());
    f.split_at(end)
}

/// `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy` (one separator; yy = 20yy) or
/// `yyyy-mm-dd`, the whole of `s`.
fn numeric_date(s: &str) -> Option<Date> {
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    if a.len() == 4 {
        if sep != '-' {
            return None;
        }
        return checked(number(a, 4..=4)?, number(b, 2..=2)?, number(c, 2..=2)?);
    }
    let (day, month) = (number(a, 1..=2)?, number(b, 1..=2)?);
    let year = match c.len() {
        2 => 2000 + number(c, 2..=2)?,
        _ => number(c, 4..=4)?,
    };
    checked(year, month, day)
}

/// "16 thang 11 nam 2021" (folded, "ngày" removed), the whole of `f`.
fn words_date(f: &str) -> Option<Date> {
    let w: Vec<&str> = f.split(' ').collect();
    match w.as_slice() {
        [d, "thang", m, "nam", y] => {
            checked(number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?)
        }
        _ => None,
    }
}

/// A time of day after a date: `h:mm`, `h:mm:ss`, `h:mm:ss.fff`, then
/// optionally `SA`/`CH`/`AM`/`PM` (12-hour) or `Z` / `+07:00` (ISO).
fn time_of_day(t: &str) -> bool {
    let (clock, suffix) = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .map_or((t, ""), |k| t.split_at(k));
    let (hms, frac) = clock.split_once('.').unwrap_or((clock, "0"));
    let parts: Vec<&str> = hms.split(':').collect();
    let ok_frac = number(frac, 1..=9).is_some();
    let (h, rest) = match parts.as_slice() {
        [h, m] => (number(h, 1..=2), [number(m, 2..=2), Some(0)]),
        [h, m, s] => (number(h, 1..=2), [number(m, 2..=2), number(s, 2..=2)]),
        _ => return false,
    };
    let (Some(h), [Some(m), Some(s)]) = (h, rest) else {
        return false;
    };
    if !ok_frac || m > 59 || s > 60 {
        return false;
    }
    let suffix = suffix.trim_start();
    match suffix {
        "" | "z" => h <= 23,
        "sa" | "ch" | "am" | "pm" => (1..=12).contains(&h),
        _ => {
            let offset = suffix.strip_prefix(['+', '-']);
            h <= 23
                && offset.is_some_and(|o| {
                    o.split_once(':').is_some_and(|(a, b)| {
                        number(a, 2..=2).is_some() && number(b, 2..=2).is_some()
                    })
                })
        }
    }
}

/// The first date in a run of digits and separators, and where it is: the
/// run's groups of digits taken three at a time, four-digit years first
/// (`01-12-11-2021` is 12/11/2021, not 01/12/2011).
fn date_in_run(run: &str) -> Option<(std::ops::Range<usize>, Date)> {
    // (start, end) of each group of digits.
    let mut groups = Vec::new();
    let mut k = 0;
    let b = run.as_bytes();
    while k < b.len() {
        if b[k].is_ascii_digit() {
            let s = k;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            groups.push((s, k));
        } else {
            k += 1;
        }
    }
    // Three groups joined by single separators; `true` with a 4-digit year.
    let spans = || {
        groups
            .windows(3)
            .filter(|w| w[1].0 == w[0].1 + 1 && w[2].0 == w[1].1 + 1)
            .map(|w| (w[0].0..w[2].1, w[0].1 - w[0].0 == 4 || w[2].1 - w[2].0 == 4))
    };
    spans()
        .filter(|(_, four)| *four)
        .chain(spans().filter(|(_, four)| !*four))
        .find_map(|(r, _)| numeric_date(&run[r.clone()]).map(|d| (r, d)))
}

/// "ngay 16 thang 11 nam 2021" (or without "ngay") inside folded text, and
/// the byte offset of its day.
fn words_in(f: &str) -> Option<(usize, Date)> {
    // Words with their offsets, split at anything but letters and digits.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (k, c) in f.char_indices().chain([(f.len(), ' ')]) {
        match (thongbao_text::class::is_alnum(c), start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                words.push((s, &f[s..k]));
                start = None;
            }
            _ => {}
        }
    }
    words.windows(5).find_map(|w| match w {
        [(at, d), (_, "thang"), (_, m), (_, "nam"), (_, y)] => {
            checked(number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?).map(|x| (*at, x))
        }
        _ => None,
    })
}

crate::json::to_json_struct!(Date { year, month, day });

#[cfg(test)]
mod tests;
