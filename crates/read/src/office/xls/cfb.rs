//! The OLE2 compound file (CFB) that holds an .xls workbook stream: the
//! allocation tables, the directory and the streams, every offset checked
//! and every chain bounded by the file size.

use super::XlsError;
use crate::office::{Limits, XlsProblem};

pub(super) const END: u32 = 0xFFFF_FFFE;

pub(super) fn damaged(p: XlsProblem) -> XlsError {
    XlsError::Damaged(p)
}

pub(super) fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

// ---------------------------------------------------------------- OLE2 / CFB

pub(super) struct Entry {
    pub(super) name: String,
    pub(super) kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

pub(super) struct Cfb<'a> {
    data: &'a [u8],
    ssz: usize,
    /// Sectors the file can hold: the bound of every chain.
    nsect: usize,
    fat: Vec<u32>,
    dir: Vec<Entry>,
}

/// Follows a chain of sector numbers; a chain longer than `cap` loops.
fn chain(table: &[u32], start: u32, cap: usize) -> Result<Vec<u32>, XlsError> {
    let mut out = Vec::new();
    let mut cur = start;
    while cur != END {
        if out.len() >= cap {
            return Err(damaged(XlsProblem::BadChain));
        }
        out.push(cur);
        cur = *table
            .get(cur as usize)
            .ok_or(damaged(XlsProblem::BadChain))?;
    }
    Ok(out)
}

impl<'a> Cfb<'a> {
    pub(super) fn open(data: &'a [u8]) -> Result<Self, XlsError> {
        const SIG: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if data.len() < 512 || !data.starts_with(&SIG) {
            return Err(damaged(XlsProblem::NotCompound));
        }
        let h = |i: usize| u32_at(data, i).unwrap_or(END);
        let ssz = match u16_at(data, 0x1E) {
            Some(9) => 512,
            Some(12) => 4096,
            _ => return Err(damaged(XlsProblem::NotCompound)),
        };
        let nsect = data.len().div_ceil(ssz);
        let mut cfb = Cfb {
            data,
            ssz,
            nsect,
            fat: Vec::new(),
            dir: Vec::new(),
        };
        // The FAT's own sectors: 109 in the header, the rest in DIFAT sectors
        // (each ends with the number of the next one).
        let nfat = h(0x2C) as usize;
        if nfat > nsect {
            return Err(damaged(XlsProblem::BadChain));
        }
        let mut ids: Vec<u32> = (0..nfat.min(109)).map(|i| h(0x4C + 4 * i)).collect();
        let mut next = h(0x44);
        while ids.len() < nfat {
            let s = cfb.sector(next)?;
            let per = ssz / 4 - 1;
            ids.extend(u32s(s).take(per.min(nfat - ids.len())));
            next = u32_at(s, 4 * per).ok_or(damaged(XlsProblem::Truncated))?;
        }
        let mut fat = Vec::with_capacity(nfat * ssz / 4);
        for &id in &ids {
            fat.extend(u32s(cfb.sector(id)?));
        }
        cfb.fat = fat;
        let dir = cfb.chain_bytes(h(0x30))?;
        cfb.dir = dir.chunks_exact(128).map(parse_entry).collect();
        if cfb.dir.first().map(|e| e.kind) != Some(5) {
            return Err(damaged(XlsProblem::NotCompound));
        }
        if ssz == 512 {
            // Version 3 files: the high half of the size may hold garbage.
            for e in &mut cfb.dir {
                e.size &= 0xFFFF_FFFF;
            }
        }
        Ok(cfb)
    }

    /// Sector `id` (the last one of a truncated file may be short).
    fn sector(&self, id: u32) -> Result<&'a [u8], XlsError> {
        let start = (id as usize)
            .checked_add(1)
            .and_then(|x| x.checked_mul(self.ssz))
            .filter(|&s| s < self.data.len())
            .ok_or(damaged(XlsProblem::Truncated))?;
        let end = self.data.len().min(start + self.ssz);
        self.data
            .get(start..end)
            .ok_or(damaged(XlsProblem::Truncated))
    }

    fn chain_bytes(&self, start: u32) -> Result<Vec<u8>, XlsError> {
        let mut out = Vec::new();
        for id in chain(&self.fat, start, self.nsect)? {
            out.extend_from_slice(self.sector(id)?);
        }
        Ok(out)
    }

    /// Entries directly under the root storage (a red-black tree of siblings).
    pub(super) fn top_level(&self) -> Vec<&Entry> {
        let mut seen = vec![false; self.dir.len()];
        let mut out = Vec::new();
        let mut stack = vec![self.dir.first().map_or(u32::MAX, |r| r.child)];
        while let Some(i) = stack.pop() {
            let i = i as usize;
            let Some(e) = self.dir.get(i) else { continue };
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push(e);
            stack.extend([e.left, e.right]);
        }
        out
    }

    /// The contents of a stream, from the mini stream when it is small.
    pub(super) fn stream(&self, e: &Entry, lim: &Limits) -> Result<Vec<u8>, XlsError> {
        if e.size >= 4096 {
            return self.regular(e.start, e.size, lim);
        }
        let root = self.dir.first().ok_or(damaged(XlsProblem::NotCompound))?;
        // The mini stream as far as the file holds it: a file that ends in
        // a partial sector still has every mini sector before its end.
        let mini = self.available(root.start, root.size, lim)?;
        let first = u32_at(self.data, 0x3C).unwrap_or(END);
        let minifat: Vec<u32> = u32s(&self.chain_bytes(first)?).collect();
        let mut out = Vec::new();
        for id in chain(&minifat, e.start, mini.len() / 64 + 1)? {
            let at = (id as usize).saturating_mul(64);
            let piece = mini.get(at..mini.len().min(at.saturating_add(64)));
            out.extend_from_slice(piece.ok_or(damaged(XlsProblem::Truncated))?);
            if out.len() >= e.size as usize {
                break;
            }
        }
        let size = e.size as usize;
        if out.len() < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        out.truncate(size);
        Ok(out)
    }

    /// A stream in regular sectors, its size checked before anything is read.
    fn regular(&self, start: u32, size: u64, lim: &Limits) -> Result<Vec<u8>, XlsError> {
        let out = self.available(start, size, lim)?;
        if (out.len() as u64) < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        Ok(out)
    }

    /// Up to `size` bytes of the stream in regular sectors from `start`, as
    /// far as the file holds them (the chain must fit the declared size, and
    /// only the file's end may cut it short).
    fn available(&self, start: u32, size: u64, lim: &Limits) -> Result<Vec<u8>, XlsError> {
        let too_large = XlsError::TooLarge {
            limit: lim.max_total,
        };
        if size > lim.max_total {
            return Err(too_large);
        }
        let size = usize::try_from(size).map_err(|_| too_large)?;
        let ids = chain(&self.fat, start, self.nsect)?;
        if ids.len().saturating_mul(self.ssz) < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        let mut out = Vec::with_capacity(size.min(self.data.len()));
        for id in ids {
            if out.len() >= size {
                break;
            }
            match self.sector(id) {
                Ok(s) => out.extend_from_slice(s),
                Err(_) => break,
            }
        }
        out.truncate(size);
        Ok(out)
    }
}

fn parse_entry(e: &[u8]) -> Entry {
    let n = (usize::from(u16_at(e, 64).unwrap_or(0)) / 2).clamp(1, 32) - 1;
    let units: Vec<u16> = (0..n).filter_map(|i| u16_at(e, 2 * i)).collect();
    let p = |i| u32_at(e, i).unwrap_or(u32::MAX);
    Entry {
        name: String::from_utf16_lossy(&units),
        kind: e.get(66).copied().unwrap_or(0),
        left: p(68),
        right: p(72),
        child: p(76),
        start: p(116),
        size: u64::from(p(120)) | u64::from(p(124)) << 32,
    }
}
