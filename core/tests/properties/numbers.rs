//! The decimal reader agrees with std.

use super::*;

proptest! {
    #![proptest_config(config(2000))]

    /// The size-saving decimal reader agrees with std: exactly for up to 15
    /// significant digits and small exponents; otherwise within 2 ulps up to
    /// 10^±22 and a relative 10⁻¹⁴ beyond (no spreadsheet count or rate
    /// comes near).
    #[test]
    fn decimal_reader_agrees_with_std(
        neg in any::<bool>(),
        int in "[0-9]{1,20}",
        frac in proptest::option::of("[0-9]{0,20}"),
        exp in proptest::option::of(-330i32..330),
    ) {
        let mut s = String::new();
        if neg { s.push('-'); }
        s.push_str(&int);
        if let Some(f) = &frac { s.push('.'); s.push_str(f); }
        if let Some(e) = exp { s.push_str(&format!("e{e}")); }
        let want: f64 = s.parse().unwrap();
        let got = thongbao_core::decimal::parse_f64(&s).unwrap();
        let sig = format!("{int}{}", frac.clone().unwrap_or_default());
        let sig = sig.trim_start_matches('0').trim_end_matches('0').len();
        let frac_len = frac.as_ref().map_or(0, |f| f.len()) as i32;
        let small = sig <= 15 && (exp.unwrap_or(0) - frac_len).abs() <= 22 && int.trim_start_matches('0').len() + frac_len as usize <= 15;
        if small {
            prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", s);
        } else if want.is_finite() && want != 0.0 && want.abs() > f64::MIN_POSITIVE {
            let ulps = (want.to_bits() as i64 - got.to_bits() as i64).abs();
            let near = (1e-22..1e22).contains(&want.abs());
            prop_assert!(
                if near { ulps <= 2 } else { ((got - want) / want).abs() < 1e-14 },
                "{}: {} vs {} ({} ulps)", s, got, want, ulps
            );
        }
    }
}
