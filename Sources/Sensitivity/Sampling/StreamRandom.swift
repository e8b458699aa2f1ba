import Foundation

/// xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64 from a (seed, stream) pair.
///
/// Each chunk of samples gets its own stream, so sample k is drawn from the same numbers whatever the
/// number of threads or the order in which chunks run.
struct StreamRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    init(seed: UInt64, stream: UInt64) {
        var sm = Self.splitMix(seed ^ Self.splitMix(stream &+ 0x632B_E59B_D9B4_E019))
        func nextSM() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            return Self.splitMix(sm)
        }
        s0 = nextSM(); s1 = nextSM(); s2 = nextSM(); s3 = nextSM()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mixer.
    static func splitMix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard exponential: −ln(1 − U), U ∈ [0, 1), so the argument is never 0.
    @inline(__always)
    mutating func exponential() -> Double { -log(1 - unit()) }
}
