//! A tiny deterministic generator (the LCG of the demo workplace), seeded per purpose so
//! that one person's data does not depend on the order in which others are generated.

pub(crate) struct Lcg(u64);

impl Lcg {
    /// A generator for one purpose: `parts` name it (a stream number, a person, a year…).
    pub(crate) fn derive(seed: u64, parts: &[u64]) -> Self {
        let mut state = splitmix(seed);
        for part in parts {
            state = splitmix(state ^ part.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
        Lcg(state)
    }

    /// 31 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with a chance of `per_mille` in a thousand.
    pub(crate) fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    pub(crate) fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut roll = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

/// SplitMix64's finaliser: spreads a seed over all bits.
pub(crate) fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
