//! BIFF records: a cursor over a stream's records and one over a record
//! with its CONTINUE records (strings that span them).

use super::cfb::{damaged, u16_at};
use super::XlsError;
use crate::office::XlsProblem;

// ---------------------------------------------------------------- BIFF records

pub(in crate::office) struct Records<'a> {
    pub(in crate::office) b: &'a [u8],
    pub(in crate::office) pos: usize,
}

impl<'a> Records<'a> {
    /// The next record (id, data); `None` at the end of the stream.
    pub(in crate::office) fn next(&mut self) -> Result<Option<(u16, &'a [u8])>, XlsError> {
        if self.pos >= self.b.len() {
            return Ok(None);
        }
        let bad = damaged(XlsProblem::BadRecord(self.pos));
        let (id, len) = (u16_at(self.b, self.pos), u16_at(self.b, self.pos + 2));
        let (Some(id), Some(len)) = (id, len) else {
            return Err(bad);
        };
        let start = self.pos + 4;
        let data = self.b.get(start..start + usize::from(len)).ok_or(bad)?;
        self.pos = start + usize::from(len);
        Ok(Some((id, data)))
    }

    /// `first` and the data of the CONTINUE records that follow it.
    pub(super) fn continued(&mut self, first: &'a [u8]) -> Frags<'a> {
        let mut f = vec![first];
        while u16_at(self.b, self.pos) == Some(0x003C) {
            match self.next() {
                Ok(Some((_, d))) => f.push(d),
                _ => break,
            }
        }
        Frags { f, i: 0, pos: 0 }
    }
}

/// A cursor over a record and its CONTINUE records.
pub(super) struct Frags<'a> {
    f: Vec<&'a [u8]>,
    i: usize,
    pub(super) pos: usize,
}

impl<'a> Frags<'a> {
    pub(super) fn at(b: &'a [u8], pos: usize) -> Self {
        Frags {
            f: vec![b],
            i: 0,
            pos,
        }
    }
    fn byte(&mut self) -> Option<u8> {
        loop {
            let cur = self.f.get(self.i)?;
            if let Some(&b) = cur.get(self.pos) {
                self.pos += 1;
                return Some(b);
            }
            self.i += 1;
            self.pos = 0;
        }
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }
    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let cur = self.f.get(self.i)?;
            let k = cur.len().saturating_sub(self.pos).min(n);
            if k == 0 {
                self.i += 1;
                self.pos = 0;
            }
            self.pos += k;
            n -= k;
        }
        Some(())
    }
    /// `n` characters, 8- or 16-bit; a string that goes on in a CONTINUE
    /// record starts it with a new flag byte.
    fn chars(&mut self, mut n: usize, mut wide: bool, out: &mut Vec<u16>) -> Option<()> {
        while n > 0 {
            let cur: &[u8] = self.f.get(self.i)?;
            let rest = cur.get(self.pos..).unwrap_or_default();
            if rest.is_empty() {
                self.i += 1;
                self.pos = 0;
                wide = self.byte()? & 1 != 0;
                continue;
            }
            let k = if wide { rest.len() / 2 } else { rest.len() }.min(n);
            if k == 0 {
                return None;
            }
            if wide {
                out.extend(
                    rest.chunks_exact(2)
                        .take(k)
                        .map(|p| u16::from_le_bytes([p[0], p[1]])),
                );
                self.pos += 2 * k;
            } else {
                out.extend(rest.iter().take(k).map(|&b| u16::from(b)));
                self.pos += k;
            }
            n -= k;
        }
        Some(())
    }
    /// A BIFF8 unicode string (length on 1 or 2 bytes, flags, characters,
    /// rich-text runs, East Asian data) and the font of its first run that
    /// `keep` accepts.
    pub(super) fn ustr(
        &mut self,
        long: bool,
        keep: impl Fn(u16) -> bool,
    ) -> Option<(String, Option<u16>)> {
        let cch = if long {
            self.u16()?
        } else {
            u16::from(self.byte()?)
        };
        let flags = self.byte()?;
        let runs = if flags & 8 != 0 { self.u16()? } else { 0 };
        let ext = if flags & 4 != 0 {
            u32::from(self.u16()?) | u32::from(self.u16()?) << 16
        } else {
            0
        };
        let mut units = Vec::with_capacity(usize::from(cch));
        self.chars(usize::from(cch), flags & 1 != 0, &mut units)?;
        let mut font = None;
        for _ in 0..runs {
            self.u16()?;
            let f = self.u16()?;
            if font.is_none() && keep(f) {
                font = Some(f);
            }
        }
        self.skip(ext as usize)?;
        Some((String::from_utf16_lossy(&units), font))
    }
}
