//! A small DEFLATE encoder (RFC 1951) for the files the app writes (.docx,
//! .xlsx, archives): LZ77 over a 32 KiB window with hash chains, one block
//! of the fixed Huffman codes.
//!
//! Why not a full encoder: the output is XML and text, where matches carry
//! most of the saving. Dynamic Huffman tables would take the result about
//! a third smaller (miniz_oxide's level 6: 17,2 KB against our 25,5 KB
//! for 426 KB of appendix XML) for more WebAssembly, and these files are
//! saved locally, never sent. Reading (inflate) stays miniz_oxide's.

/// LSB-first bit sink, as DEFLATE packs its bits.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, len: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, which DEFLATE stores most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }

    /// Literal/length symbol `sym` (0..=285) in the fixed code (RFC 1951 3.2.6).
    fn symbol(&mut self, sym: u32) {
        match sym {
            0..=143 => self.code(0x30 + sym, 8),
            144..=255 => self.code(0x190 + sym - 144, 9),
            256..=279 => self.code(sym - 256, 7),
            _ => self.code(0xC0 + sym - 280, 8),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// The first length of each length code 257..=285.
const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
/// The first distance of each distance code 0..=29.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];

/// Extra bits of length code `i` (257 + i): none for the first eight and for
/// 258, then one more every four codes.
fn len_extra(i: usize) -> u32 {
    if i < 8 || i == 28 {
        0
    } else {
        (i as u32 - 4) / 4
    }
}

/// Extra bits of distance code `i`: none for the first four, then one more
/// every two codes.
fn dist_extra(i: usize) -> u32 {
    if i < 4 {
        0
    } else {
        (i as u32 - 2) / 2
    }
}

/// The code whose range holds `v` in a table of first values.
fn code_of(base: &[u16], v: u16) -> usize {
    base.partition_point(|&b| b <= v) - 1
}

const WINDOW: usize = 1 << 15;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// How many earlier positions with the same hash are tried per position.
const CHAIN: usize = 48;
/// A match this long shortens the search (see `deflate`).
const GOOD: usize = 8;
/// A match this long is taken without looking further.
const GOOD_ENOUGH: usize = 128;
const NONE: u32 = u32::MAX;

fn hash(d: &[u8]) -> usize {
    let v = u32::from(d[0]) | u32::from(d[1]) << 8 | u32::from(d[2]) << 16;
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// `data` compressed as one final fixed-Huffman block: a raw DEFLATE stream
/// (no zlib header), as a zip entry of method 8 holds it.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits {
        out: Vec::with_capacity(data.len() / 3 + 16),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = 01, fixed codes
    let mut head = vec![NONE; 1 << HASH_BITS];
    // prev[p % WINDOW]: the previous position with the hash of position p.
    let mut prev = vec![NONE; WINDOW.min(data.len().max(1))];
    let insert = |head: &mut [u32], prev: &mut [u32], p: usize| {
        if p + MIN_MATCH <= data.len() {
            let h = hash(&data[p..]);
            prev[p % WINDOW] = head[h];
            head[h] = p as u32;
        }
    };
    let mut p = 0;
    while p < data.len() {
        let (mut best_len, mut best_dist) = (0, 0);
        if p + MIN_MATCH <= data.len() {
            let max = (data.len() - p).min(MAX_MATCH);
            let mut cand = head[hash(&data[p..])];
            let mut tries = CHAIN;
            while cand != NONE && tries > 0 {
                let c = cand as usize;
                if p - c > WINDOW - 1 {
                    break;
                }
                // A longer match must also agree at its last byte: a cheap
                // test before the full comparison.
                if data[c + best_len.min(max - 1)] == data[p + best_len.min(max - 1)] {
                    let len = data[c..c + max]
                        .iter()
                        .zip(&data[p..p + max])
                        .take_while(|(a, b)| a == b)
                        .count();
                    if len > best_len {
                        // A good match makes a longer one less worth the
                        // search: a quarter of the tries left (as zlib's
                        // `good_length`), which bounds the time on data of
                        // few distinct bytes.
                        if best_len < GOOD && len >= GOOD {
                            tries /= 4;
                        }
                        best_len = len;
                        best_dist = p - c;
                        if len >= GOOD_ENOUGH.min(max) {
                            break;
                        }
                    }
                }
                let next = prev[c % WINDOW];
                // Chains only go back in the data; an entry overwritten by
                // a later position (window wrapped) ends the chain.
                if next == NONE || next as usize >= c {
                    break;
                }
                cand = next;
                tries = tries.saturating_sub(1);
            }
        }
        if best_len >= MIN_MATCH {
            let l = code_of(&LEN_BASE, best_len as u16);
            bits.symbol(257 + l as u32);
            bits.put(u32::from(best_len as u16 - LEN_BASE[l]), len_extra(l));
            let d = code_of(&DIST_BASE, best_dist as u16);
            bits.code(d as u32, 5);
            bits.put(u32::from(best_dist as u16 - DIST_BASE[d]), dist_extra(d));
            for q in p..p + best_len {
                insert(&mut head, &mut prev, q);
            }
            p += best_len;
        } else {
            bits.symbol(u32::from(data[p]));
            insert(&mut head, &mut prev, p);
            p += 1;
        }
    }
    bits.symbol(256); // end of block
    bits.finish()
}

#[cfg(test)]
mod tests;
