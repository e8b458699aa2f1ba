import Foundation

/// A seeded random-mutation fuzzer for toolchains without libFuzzer (and the CI smoke pass):
/// mutates seed files (byte edits, token insertions, splices, truncations), runs the body on each,
/// keeps mutants that produce an outcome not seen before, and writes the input of a crash to
/// `crash-<seed>-<n>` before the process dies (signal handler). Same seed and corpus → same inputs.
///
/// Usage: `FuzzX [--seed N] [--runs N] [--max-time SECONDS] [--max-len BYTES] [--replay] PATH…`
/// (PATHs are seed files or folders; with `--replay` each file is run once, as a regression check).
public enum MutationHarness {
    public static func main(arguments: [String], body: (UnsafeRawBufferPointer) -> String) -> Int32 {
        var seed: UInt64 = 1, runs = Int.max, maxTime = 60.0, maxLength = 64 * 1024, replay = false
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            func value() -> String { i += 1; return i < arguments.count ? arguments[i] : "" }
            switch a {
            case "--seed": seed = UInt64(value()) ?? 1
            case "--runs": runs = Int(value()) ?? runs
            case "--max-time": maxTime = Double(value()) ?? maxTime
            case "--max-len": maxLength = Int(value()) ?? maxLength
            case "--replay": replay = true
            default: paths.append(a)
            }
            i += 1
        }
        let files = paths.flatMap(Self.files(under:))
        var corpus = files.compactMap { try? Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
        if replay {
            for (file, bytes) in zip(files, corpus) {
                CrashCapture.current = (file, bytes)
                let result = bytes.withUnsafeBytes(body)
                print("\(file): \(result)")
            }
            return 0
        }
        corpus = corpus.filter { $0.count <= maxLength }
        if corpus.isEmpty { corpus = [Array("{}".utf8)] }
        CrashCapture.install()

        var rng = SplitMix(seed: seed)
        var outcomes: [String: Int] = [:]
        let start = Date()
        var executions = 0, slowest = 0.0, added = 0
        for bytes in corpus { outcomes[normalized(bytes.withUnsafeBytes(body)), default: 0] += 1; executions += 1 }
        while executions < runs && Date().timeIntervalSince(start) < maxTime {
            var input = corpus[Int(rng.next() % UInt64(corpus.count))]
            let edits = 1 + Int(rng.next() % 8)
            for _ in 0..<edits { Mutator.mutate(&input, corpus: corpus, rng: &rng, maxLength: maxLength) }
            CrashCapture.current = ("crash-\(seed)-\(executions)", input)
            let t0 = Date()
            let result = normalized(input.withUnsafeBytes(body))
            slowest = max(slowest, Date().timeIntervalSince(t0))
            executions += 1
            if outcomes[result] == nil && corpus.count < 10_000 { corpus.append(input); added += 1 }
            outcomes[result, default: 0] += 1
        }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "executions %d in %.1f s (%.0f/s), seed %llu, corpus %d (+%d), distinct outcomes %d, slowest input %.3f s",
                     executions, seconds, Double(executions) / max(seconds, 1e-9), seed, corpus.count, added, outcomes.count, slowest))
        for (key, count) in outcomes.sorted(by: { $0.value > $1.value }).prefix(40) { print("  \(count)\t\(key)") }
        return 0
    }

    /// An outcome without the input's own text (cut at the first quote) and with digits as `#`, so that
    /// "line 3" and "line 4" count as one outcome and the corpus grows only on new behaviour.
    static func normalized(_ outcome: String) -> String {
        String(outcome.prefix { $0 != "'" && $0 != "\"" }.prefix(48).map { $0.isNumber ? "#" : $0 })
    }

    static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
        return names.map { path + "/" + $0 }.filter {
            var d: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, seeded, reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Structure-aware-ish edits for JSON, CSV and YAML text.
enum Mutator {
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", "\"", ",", ":", ";", "\n", "\r\n", " ", "\t", "-", ".", "e", "E", "+", "0", "1", "9",
        "null", "true", "false", "NaN", "Infinity", "-Infinity", "1e999", "-1e-999", "1e308", "4.9e-324",
        "\"type\"", "\"Feature\"", "\"FeatureCollection\"", "\"Point\"", "\"Polygon\"", "\"MultiPolygon\"",
        "\"GeometryCollection\"", "\"coordinates\"", "\"geometry\"", "\"features\"", "\"properties\"", "\"crs\"",
        "\"id\"", "[[", "]]", "[[[", "]]]", "\\u0000", "\\ud800", "\\\"", "\u{FEFF}", "\u{00e9}",
        "&a ", "*a", "<<: ", "- ", "? ", "!!str ", "!!float ", "|", ">", "#", "---", "...", "'", "~",
        "id: ", "kind: ", "layer: ", "weight: ", "radius: ", "value: ", "ahp: ", "crs: ", "path: ",
        "distance", "count_within", "sum_within", "inside", "attribute", "area", "piecewise", "categories",
        "gaussian", "linear", "threshold", "benefit", "cost", "EPSG:25832", "auto",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    static func mutate(_ input: inout [UInt8], corpus: [[UInt8]], rng: inout SplitMix, maxLength: Int) {
        func index(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        switch rng.next() % 9 {
        case 0 where !input.isEmpty: input[index(input.count)] = UInt8(truncatingIfNeeded: rng.next())
        case 1 where !input.isEmpty: input[index(input.count)] ^= UInt8(1) << UInt8(rng.next() % 8)
        case 2: input.insert(contentsOf: tokens[index(tokens.count)], at: index(input.count + 1))
        case 3 where !input.isEmpty:
            let a = index(input.count), n = min(input.count - a, 1 + index(16))
            input.removeSubrange(a..<(a + n))
        case 4 where !input.isEmpty:
            let a = index(input.count), n = min(input.count - a, 1 + index(64))
            input.insert(contentsOf: input[a..<(a + n)], at: index(input.count + 1))
        case 5 where !input.isEmpty: input.removeSubrange(index(input.count)...)
        case 6:
            let other = corpus[index(corpus.count)]
            guard !other.isEmpty else { return }
            let a = index(other.count), n = min(other.count - a, 1 + index(256))
            input.insert(contentsOf: other[a..<(a + n)], at: index(input.count + 1))
        case 7:
            // Replace a run of digits by an extreme number.
            let digits = input.indices.filter { input[$0] >= 0x30 && input[$0] <= 0x39 }
            guard let at = digits.isEmpty ? nil : digits[index(digits.count)] else { return }
            let extreme = ["0", "-0", "1e308", "1.7976931348623157e308", "5e-324", "123456789012345678901234567890", "-1"][index(7)]
            var end = at
            while end < input.count && (input[end] >= 0x30 && input[end] <= 0x39 || input[end] == 0x2E) { end += 1 }
            input.replaceSubrange(at..<end, with: Array(extreme.utf8))
        default:
            let t = tokens[index(tokens.count)]
            input.replaceSubrange(index(input.count)..<input.count, with: t)
        }
        if input.count > maxLength { input.removeSubrange(maxLength...) }
    }
}
