import Foundation
import GeoCore
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 (FIPS 180-4) of file contents, for the run manifest's input fingerprints.
/// Implemented here because swift-crypto is a heavy dependency for one digest. When the system's OpenSSL
/// `libcrypto` can be loaded at run time, its one-shot `SHA256()` is used instead (SHA-NI / AVX2: hashing
/// the inputs was 17 % of all instructions of a 100,000-site run, ~70 instructions per byte here; issue 15).
/// Both give the same digest (tested); nothing links against libcrypto.
public enum SHA256 {
    private typealias OneShot = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?

    /// OpenSSL's `SHA256(data, length, digest)` from `libcrypto.so.3` (or `.so`), if present; never unloaded.
    private static let system: OneShot? = try? libcrypto?.function("SHA256")

    /// The system's libcrypto, unless `STANDORT_PORTABLE_SHA256` is set (tests compare both).
    private static let libcrypto: DynamicLibrary? = {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment["STANDORT_PORTABLE_SHA256"] == nil else { return nil }
        return try? DynamicLibrary(firstOf: ["libcrypto.so.3", "libcrypto.so"])
        #else
        return nil
        #endif
    }()

    /// Whether digests come from the system libcrypto (for tests and diagnostics).
    static var usesSystemLibrary: Bool { system != nil }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private typealias Init = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    private typealias Update = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32
    private typealias Final = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutableRawPointer?) -> Int32

    /// OpenSSL's incremental `SHA256_Init/Update/Final` (for files hashed block by block), if present.
    private static let systemIncremental: (Init, Update, Final)? = {
        guard let libcrypto, let i: Init = try? libcrypto.function("SHA256_Init"), let u: Update = try? libcrypto.function("SHA256_Update"),
              let f: Final = try? libcrypto.function("SHA256_Final") else { return nil }
        return (i, u, f)
    }()

    /// The digest of `data` as 64 lowercase hex digits.
    public static func hex(of data: Data) -> String {
        hexText(digest(of: data))
    }

    static func hexText(_ digest: [UInt8]) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The 32-byte digest of `data`.
    public static func digest(of data: Data) -> [UInt8] {
        if let system {
            var out = [UInt8](repeating: 0, count: 32)
            data.withUnsafeBytes { raw in
                out.withUnsafeMutableBufferPointer { o in
                    _ = system(raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(o.baseAddress!), raw.count, o.baseAddress)
                }
            }
            return out
        }
        return portableDigest(of: data)
    }

    /// The digest computed by the Swift code here (the fallback without libcrypto).
    static func portableDigest(of data: Data) -> [UInt8] {
        var hasher = PortableHasher()
        data.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// A digest computed block by block, for files read in pieces (bounded memory: issue 16).
    public struct Hasher: ~Copyable {
        private var portable: PortableHasher?
        private let context: UnsafeMutableRawPointer?

        public init() {
            if let (initialise, _, _) = SHA256.systemIncremental {
                // SHA256_CTX is 112 bytes; room to spare.
                let context = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
                _ = initialise(context)
                self.context = context
                portable = nil
            } else {
                context = nil
                portable = PortableHasher()
            }
        }

        deinit { context?.deallocate() }

        /// Adds `bytes` to the digest.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            if let context, let (_, update, _) = SHA256.systemIncremental {
                _ = update(context, bytes.baseAddress, bytes.count)
            } else {
                portable!.update(bytes)
            }
        }

        /// The digest as 64 lowercase hex digits.
        public consuming func hex() -> String {
            if let context, let (_, _, final) = SHA256.systemIncremental {
                var out = [UInt8](repeating: 0, count: 32)
                out.withUnsafeMutableBufferPointer { _ = final($0.baseAddress, context) }
                return SHA256.hexText(out)
            }
            return SHA256.hexText(portable!.finalize())
        }
    }

    /// FIPS 180-4 in Swift, block by block.
    struct PortableHasher {
        private var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        private var pending: [UInt8] = []
        private var length: UInt64 = 0
        private var w = [UInt32](repeating: 0, count: 64)

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            length += UInt64(bytes.count)
            var i = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending += bytes[0..<take]
                i = take
                if pending.count == 64 {
                    let block = pending
                    block.withUnsafeBytes { compress($0) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            while i + 64 <= bytes.count {
                compress(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + 64)]))
                i += 64
            }
            if i < bytes.count { pending += bytes[i..<bytes.count] }
        }

        mutating func finalize() -> [UInt8] {
            let bitLength = length * 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBytes { raw in
                for i in 0..<(raw.count / 64) { compress(UnsafeRawBufferPointer(rebasing: raw[(i * 64)..<(i * 64 + 64)])) }
            }
            return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> UInt32(24 - 8 * $0)) } }
        }

        private mutating func compress(_ block: UnsafeRawBufferPointer) {
            SHA256.k.withUnsafeBufferPointer { k in
                for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
                for t in 16..<64 {
                    let s0 = w[t - 15].rotr(7) ^ w[t - 15].rotr(18) ^ (w[t - 15] >> 3)
                    let s1 = w[t - 2].rotr(17) ^ w[t - 2].rotr(19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
                for t in 0..<64 {
                    let s1 = e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                    let s0 = a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
            }
        }
    }
}

private extension UInt32 {
    func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
