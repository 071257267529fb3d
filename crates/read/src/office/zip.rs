//! Minimal zip reader and writer (stored and deflate only, no ZIP64).

use super::{Limits, ZipError};

/// The CRC-32 table, built when a CRC is computed: as a `static` its 1 KB
/// does not compress and would be 1 KB of the site (brotli); built, it is
/// 2.048 steps per entry written or read.
fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (i, e) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *e = c;
    }
    t
}

/// CRC-32 (IEEE), as used by zip.
pub fn crc32(data: &[u8]) -> u32 {
    let table = crc_table();
    let mut c = !0u32;
    for &b in data {
        c = table[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

// DOS date 1980-01-01, time 00:00.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
const FLAG_UTF8: u16 = 1 << 11;

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// Writes a zip archive in memory with a fixed timestamp, so the same input
/// always gives the same bytes.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry, deflated unless that does not make it smaller.
    pub fn add(&mut self, path: &str, data: &[u8]) {
        let packed = super::deflate::deflate(data);
        if packed.len() < data.len() {
            self.push(path, crc32(data), data.len(), 8, &packed);
        } else {
            self.add_stored(path, data);
        }
    }

    /// Adds an entry without compression (e.g. an ODF "mimetype").
    pub fn add_stored(&mut self, path: &str, data: &[u8]) {
        self.push(path, crc32(data), data.len(), 0, data);
    }

    /// Adds an already compressed entry as given (tests use it to forge headers).
    pub(super) fn push(&mut self, path: &str, crc: u32, size: usize, method: u16, body: &[u8]) {
        let offset = self.out.len() as u32;
        let name = path.as_bytes();
        for (v, central) in [(&mut self.out, false), (&mut self.central, true)] {
            put32(v, if central { 0x0201_4b50 } else { 0x0403_4b50 });
            if central {
                put16(v, 20); // version made by
            }
            put16(v, 20); // version needed
            put16(v, FLAG_UTF8);
            put16(v, method);
            put16(v, DOS_TIME);
            put16(v, DOS_DATE);
            put32(v, crc);
            put32(v, body.len() as u32);
            put32(v, size as u32);
            put16(v, name.len() as u16);
            put16(v, 0); // extra length
            if central {
                put16(v, 0); // comment
                put16(v, 0); // disk
                put16(v, 0); // internal attributes
                put32(v, 0); // external attributes
                put32(v, offset);
            }
            v.extend_from_slice(name);
        }
        self.out.extend_from_slice(body);
        self.count = self.count.wrapping_add(1);
    }

    pub fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
        let cd_size = self.central.len() as u32;
        self.out.append(&mut self.central);
        let v = &mut self.out;
        put32(v, 0x0605_4b50);
        put16(v, 0);
        put16(v, 0);
        put16(v, self.count);
        put16(v, self.count);
        put32(v, cd_size);
        put32(v, cd_offset);
        put16(v, 0);
        self.out
    }
}

/// One entry of the central directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipEntry {
    pub name: String,
    /// 0 = stored, 8 = deflate.
    pub method: u16,
    pub flags: u16,
    pub crc: u32,
    pub compressed_size: u64,
    pub size: u64,
    /// Offset of the local header.
    pub offset: u64,
}

fn rd16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}
fn rd32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}
fn rd64(b: &[u8], at: usize) -> Option<u64> {
    Some(rd32(b, at)? as u64 | (rd32(b, at.checked_add(4)?)? as u64) << 32)
}

/// A zip archive whose entries are listed from the central directory and
/// decompressed one at a time, on demand.
pub struct ZipArchive<'a> {
    data: &'a [u8],
    entries: Vec<ZipEntry>,
    limits: Limits,
}

impl<'a> ZipArchive<'a> {
    pub fn new(data: &'a [u8], limits: &Limits) -> Result<Self, ZipError> {
        if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(ZipError::LegacyOrEncrypted);
        }
        // End of central directory: last signature within the final 64 KiB + 22.
        let min = data.len().saturating_sub(22 + 0xFFFF);
        let mut eocd = None;
        let mut i = data.len().saturating_sub(22);
        while i >= min && data.len() >= 22 {
            if rd32(data, i) == Some(0x0605_4b50) {
                eocd = Some(i);
                break;
            }
            if i == 0 {
                break;
            }
            i -= 1;
        }
        let e = eocd.ok_or(ZipError::NotZip)?;
        let count = rd16(data, e + 10).ok_or(ZipError::NotZip)?;
        let cd_size = rd32(data, e + 12).ok_or(ZipError::NotZip)?;
        let cd_off = rd32(data, e + 16).ok_or(ZipError::NotZip)?;
        if count == 0xFFFF || cd_off == 0xFFFF_FFFF || cd_size == 0xFFFF_FFFF {
            return Err(ZipError::Zip64);
        }
        if count as usize > limits.max_entries {
            return Err(ZipError::TooManyEntries {
                limit: limits.max_entries,
            });
        }
        let cd = (cd_off as usize)
            .checked_add(cd_size as usize)
            .and_then(|end| data.get(cd_off as usize..end))
            .ok_or(ZipError::NotZip)?;
        let mut entries = Vec::with_capacity(count as usize);
        let mut p = 0usize;
        let mut total = 0u64;
        while entries.len() < count as usize {
            if rd32(cd, p) != Some(0x0201_4b50) {
                return Err(ZipError::NotZip);
            }
            let h = |off: usize| rd16(cd, p + off).ok_or(ZipError::NotZip);
            let w = |off: usize| rd32(cd, p + off).ok_or(ZipError::NotZip);
            let (flags, method, crc) = (h(8)?, h(10)?, w(16)?);
            let (mut csize, mut size) = (w(20)? as u64, w(24)? as u64);
            let (nlen, xlen, clen) = (h(28)? as usize, h(30)? as usize, h(32)? as usize);
            let mut offset = w(42)? as u64;
            let name_start = p + 46;
            let name = cd
                .get(name_start..name_start + nlen)
                .ok_or(ZipError::NotZip)?;
            let name = String::from_utf8_lossy(name).replace('\\', "/");
            let extra = cd
                .get(name_start + nlen..name_start + nlen + xlen)
                .ok_or(ZipError::NotZip)?;
            // ZIP64 extended information, present only for the fields set to 0xFFFFFFFF.
            if size == 0xFFFF_FFFF || csize == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                let mut x = 0;
                let mut found = false;
                while let (Some(id), Some(len)) = (rd16(extra, x), rd16(extra, x + 2)) {
                    if id == 1 {
                        let mut q = x + 4;
                        for v in [&mut size, &mut csize, &mut offset] {
                            if *v == 0xFFFF_FFFF {
                                *v = rd64(extra, q).ok_or(ZipError::Zip64)?;
                                q += 8;
                            }
                        }
                        found = true;
                        break;
                    }
                    x += 4 + len as usize;
                }
                if !found {
                    return Err(ZipError::Zip64);
                }
            }
            total = total.saturating_add(size);
            if total > limits.max_total {
                return Err(ZipError::TotalTooLarge {
                    limit: limits.max_total,
                });
            }
            entries.push(ZipEntry {
                name,
                method,
                flags,
                crc,
                compressed_size: csize,
                size,
                offset,
            });
            p = name_start + nlen + xlen + clen;
        }
        Ok(ZipArchive {
            data,
            entries,
            limits: *limits,
        })
    }

    pub fn entries(&self) -> &[ZipEntry] {
        &self.entries
    }

    /// Finds an entry by path; a leading '/' is ignored and, as in OPC, the
    /// comparison falls back to ASCII case-insensitive.
    pub fn find(&self, name: &str) -> Option<&ZipEntry> {
        let name = name.trim_start_matches('/');
        self.entries.iter().find(|e| e.name == name).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// Decompresses one entry, checking its size and CRC.
    pub fn file(&self, name: &str) -> Result<Vec<u8>, ZipError> {
        let e = self
            .find(name)
            .ok_or_else(|| ZipError::MissingPart(name.to_string()))?;
        self.read(e)
    }

    pub fn read(&self, e: &ZipEntry) -> Result<Vec<u8>, ZipError> {
        let bad = || ZipError::BadEntry(e.name.clone());
        if e.flags & 1 != 0 {
            return Err(ZipError::EncryptedEntry(e.name.clone()));
        }
        if e.size > self.limits.max_entry {
            return Err(ZipError::EntryTooLarge {
                name: e.name.clone(),
                limit: self.limits.max_entry,
            });
        }
        let at = usize::try_from(e.offset).map_err(|_| bad())?;
        if rd32(self.data, at) != Some(0x0403_4b50) {
            return Err(bad());
        }
        let nlen = rd16(self.data, at + 26).ok_or_else(bad)? as usize;
        let xlen = rd16(self.data, at + 28).ok_or_else(bad)? as usize;
        let start = at + 30 + nlen + xlen;
        let csize = usize::try_from(e.compressed_size).map_err(|_| bad())?;
        let body = start
            .checked_add(csize)
            .and_then(|end| self.data.get(start..end))
            .ok_or_else(bad)?;
        let size = e.size as usize;
        let out = match e.method {
            0 => body.to_vec(),
            8 => {
                miniz_oxide::inflate::decompress_to_vec_with_limit(body, size).map_err(|_| bad())?
            }
            m => {
                return Err(ZipError::UnsupportedMethod {
                    name: e.name.clone(),
                    method: m,
                })
            }
        };
        if out.len() != size || crc32(&out) != e.crc {
            return Err(bad());
        }
        Ok(out)
    }
}

/// Reads every entry of a zip at once (directories skipped).
pub fn read_zip(bytes: &[u8], limits: &Limits) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let z = ZipArchive::new(bytes, limits)?;
    let mut out = Vec::new();
    for e in z.entries().iter().filter(|e| !e.name.ends_with('/')) {
        out.push((e.name.clone(), z.read(e)?));
    }
    Ok(out)
}
