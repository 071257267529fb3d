//! Decoding text files: detection and every explicit encoding never panic,
//! give NFC text, and `nfc`/`fold` are idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thongbao_core::text::{convert_legacy_str, decode, decode_as, encode_as, fold, nfc, Encoding};

fuzz_target!(|data: &[u8]| {
    let (s, enc) = decode(data);
    assert_eq!(nfc(&s), s, "decode gives NFC ({enc:?})");
    assert!(Encoding::ALL.contains(&enc));
    for e in Encoding::ALL {
        let t = decode_as(data, e);
        assert_eq!(nfc(&t), t, "decode_as({e:?}) gives NFC");
        let _ = encode_as(&t, e);
    }

    let s = String::from_utf8_lossy(data);
    let n = nfc(&s);
    assert_eq!(nfc(&n), n, "nfc idempotent");
    let f = fold(&s);
    assert_eq!(fold(&f), f, "fold idempotent");
    assert_eq!(fold(&n), f, "fold sees through NFC");
    for e in [Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be] {
        assert_eq!(decode_as(&encode_as(&s, e), e), n, "{e:?} round trip");
    }
    for e in Encoding::ALL {
        let c = convert_legacy_str(&s, e);
        assert_eq!(nfc(&c), c, "convert_legacy_str({e:?}) gives NFC");
    }
});
