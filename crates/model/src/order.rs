//! Stable sorting through one shared copy of the sort.
//!
//! `slice::sort_by` is compiled once per item type and comparator: fifteen
//! sorts made fifteen merge sorts in the WebAssembly (1 KB brotli). Here
//! every sort orders indices with a `dyn` comparator, so there is one, and
//! the items are then moved into that order. Stable, as `sort_by`: equal
//! items keep their order.

use std::cmp::Ordering;

/// Sorts `idx` stably by `cmp` over the indices themselves.
pub fn sort_indices(idx: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// `items.sort_by(cmp)`, stable, with the shared sort.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut idx, &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, &idx);
}

/// `items.sort_by_key(key)`, stable, with the shared sort.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Moves the items so that position k holds the item that was at
/// `order[k]` (`order` a permutation), one cycle at a time.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }

    proptest! {
        /// The standard library's stable sort as the oracle: same order,
        /// ties included (the second field tells them apart).
        #[test]
        fn same_order_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items;
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(ours, theirs);
        }
    }
}
