//! Calendar dates as the letters and spreadsheets use them.
//!
//! A tiny proleptic-Gregorian date: no time zone, no clock. Parsing accepts what
//! clerks type (`12/11/2021`, `5/1/22`, `2021-11-12`) and Excel serial numbers;
//! formatting follows Decree 30 (`ngày 05 tháng 01 năm 2022`, `ngày 29 tháng 6`).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None` (31/02, month 13 …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_days`]; `None` outside years 1..=9999.
    pub fn from_days(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = y + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u8, d as u8)
    }

    /// The date of an Excel serial number (1900 date system, with Excel's
    /// phantom 29/02/1900). Fractions (times of day) are dropped.
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        let mut s = serial.floor() as i64;
        if s < 60 {
            s += 1; // before Excel's fictitious 1900-02-29
        }
        // Serial 61 = 1900-03-01; 1899-12-30 is day -25569 since 1970.
        Date::from_days(s - 25_569)
    }

    /// The Excel serial number of this date.
    pub fn to_excel_serial(self) -> f64 {
        let s = self.to_days() + 25_569;
        (if s < 61 { s - 1 } else { s }) as f64
    }

    /// Parse a date as clerks type it: `dd/mm/yyyy`, `d/m/yy`, `dd-mm-yyyy`,
    /// `dd.mm.yyyy`, `yyyy-mm-dd`, optionally followed by a time; also the
    /// words "ngày 12 tháng 11 năm 2021". Two-digit years are 20yy.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let nums: Vec<&str> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        if nums.len() < 3 {
            return None;
        }
        // Reject text that merely contains numbers: the first three numbers
        // must start the string (after "ngày" words).
        let first_digit = s.find(|c: char| c.is_ascii_digit())?;
        let prefix = s[..first_digit].trim().to_lowercase();
        if !(prefix.is_empty() || prefix == "ngày" || prefix == "ngay") {
            return None;
        }
        let n = |i: usize| nums[i].parse::<i64>().ok();
        let (a, b, c) = (n(0)?, n(1)?, n(2)?);
        let (y, m, d) = if nums[0].len() == 4 {
            (a, b, c)
        } else {
            let y = if nums[2].len() <= 2 { 2000 + c } else { c };
            (y, b, a)
        };
        if nums[2].len() == 3 || nums[2].len() > 4 {
            return None;
        }
        Date::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// `16/11/2021` — the form used inside sentences and references. The
    /// year has four digits, so years before 1000 read back (`01/03/0630`).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, dd: u8) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn parses_what_clerks_type() {
        assert_eq!(Date::parse("12/11/2021"), Some(d(2021, 11, 12)));
        assert_eq!(Date::parse("5/1/22"), Some(d(2022, 1, 5)));
        assert_eq!(Date::parse("2021-11-05"), Some(d(2021, 11, 5)));
        assert_eq!(Date::parse("05.11.2021 08:30"), Some(d(2021, 11, 5)));
        assert_eq!(
            Date::parse("ngày 16 tháng 11 năm 2021"),
            Some(d(2021, 11, 16))
        );
        assert_eq!(Date::parse("31/02/2021"), None);
        assert_eq!(Date::parse("Xã 12 / 3 / 4"), None);
        assert_eq!(Date::parse("4.336"), None);
        assert_eq!(Date::parse(""), None);
    }

    #[test]
    fn excel_serials() {
        assert_eq!(Date::from_excel_serial(44512.0), Some(d(2021, 11, 12)));
        assert_eq!(Date::from_excel_serial(1.0), Some(d(1900, 1, 1)));
        assert_eq!(Date::from_excel_serial(61.0), Some(d(1900, 3, 1)));
        assert_eq!(d(2021, 11, 12).to_excel_serial(), 44512.0);
        assert_eq!(Date::from_excel_serial(f64::NAN), None);
        assert_eq!(Date::from_excel_serial(-3.0), None);
    }

    #[test]
    fn decree_format_leading_zeros() {
        assert_eq!(d(2021, 11, 16).decree_long(), "ngày 16 tháng 11 năm 2021");
        assert_eq!(d(2022, 1, 5).decree_long(), "ngày 05 tháng 01 năm 2022");
        assert_eq!(d(2022, 6, 29).decree_long(), "ngày 29 tháng 6 năm 2022");
        assert_eq!(d(2021, 11, 5).dm(), "05/11");
        assert_eq!(d(2021, 11, 5).dmy(), "05/11/2021");
    }

    /// Found by fuzzing (`numbers`): "0630.3\n;1" parses as 01/03/0630, but
    /// `dmy()` wrote "01/03/630", which does not parse (a 3-digit year), and
    /// year 22 came back as 2022.
    #[test]
    fn years_before_1000_round_trip() {
        let text = String::from_utf8_lossy(b"0630.3\n;1.234\xd9\n-5");
        let d = Date::parse(&text).expect("parses");
        assert_eq!(d, self::d(630, 3, 1));
        assert_eq!(d.dmy(), "01/03/0630");
        for d in [d, self::d(22, 1, 5), self::d(1, 12, 31)] {
            assert_eq!(Date::parse(&d.dmy()), Some(d), "{}", d.dmy());
            assert_eq!(
                Date::parse(&d.decree_long()),
                Some(d),
                "{}",
                d.decree_long()
            );
        }
    }

    #[test]
    fn days_round_trip() {
        for z in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days(z).unwrap();
            assert_eq!(date.to_days(), z);
        }
    }
}
