import Foundation
import GeoCore

/// One partition of a scenario's candidates: number `index` of `count` (1-based), chosen by `scheme`.
///
/// Every site belongs to exactly one partition, whatever the input order, the thread count or the machine:
/// - `hash`: FNV-1a (64-bit) of the site id's canonical text, prefixed `s:` for a text id and `n:` for a numeric id
///   (`n:17`, `n:2.5`; integral numbers without a fraction, as the output writes them); partition = hash mod N + 1.
///   Partitions are balanced whatever the ids look like.
/// - `tile(size)`: the site's reference point in the working CRS falls in the square tile
///   (⌊x / size⌋, ⌊y / size⌋); partition = FNV-1a of `t:<tx>,<ty>` mod N + 1. Neighbouring sites share a
///   partition, so each executor touches only the context features near its tiles (less cache traffic; and a
///   cluster can clip the context layers per tile).
public struct Partition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based partition number.
    public let index: Int
    /// The number of partitions.
    public let count: Int
    /// How sites are assigned to partitions.
    public let scheme: PartitionScheme

    /// A partition; `index` must lie in 1…`count`.
    public init(index: Int, count: Int, scheme: PartitionScheme = .hash) throws(PartitionError) {
        guard count >= 1, (1...count).contains(index) else {
            throw PartitionError(.invalidSpecification("\(index)/\(count)", detail: "the partition number must lie between 1 and the partition count, e.g. 2/3"), file: "--partition")
        }
        self.index = index
        self.count = count
        self.scheme = scheme
    }

    /// Parses `I/N` (`2/3`) and a scheme (`hash`, `tile:SIZE` with SIZE in working-CRS units, metres).
    public init(parsing text: String, scheme schemeText: String = "hash") throws(PartitionError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingCharacters(in: .whitespaces)), let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw PartitionError(.invalidSpecification(text, detail: "write the partition as I/N, e.g. --partition 2/3 for the second of three"), file: "--partition")
        }
        try self.init(index: i, count: n, scheme: try PartitionScheme(parsing: schemeText))
    }

    /// `2/3` (`2/3 by tile:5000`).
    public var description: String { "\(index)/\(count)" + (scheme == .hash ? "" : " by \(scheme)") }

    /// Whether the site with `id` and reference point `point` (working CRS) belongs to this partition.
    public func contains(id: SiteID, point: Position) -> Bool {
        Self.partitionNumber(id: id, point: point, count: count, scheme: scheme) == index
    }

    /// The 1-based partition of a site among `count` partitions.
    public static func partitionNumber(id: SiteID, point: Position, count: Int, scheme: PartitionScheme) -> Int {
        let key: String
        switch scheme {
        case .hash:
            switch id {
            case .string(let s): key = "s:" + s
            case .number: key = "n:" + id.description
            }
        case .tile(let size):
            let tx = (point.x / size).rounded(.down), ty = (point.y / size).rounded(.down)
            key = "t:\(SiteID.number(tx).description),\(SiteID.number(ty).description)"
        }
        return Int(fnv1a64(key) % UInt64(count)) + 1
    }

    /// FNV-1a, 64-bit (offset basis 14695981039346656037, prime 1099511628211) over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 1_099_511_628_211
        }
        return h
    }
}

/// How sites are assigned to partitions (see ``Partition``).
public enum PartitionScheme: Sendable, Hashable, CustomStringConvertible {
    /// By a stable hash of the site id.
    case hash
    /// By the square tile (edge `size`, working-CRS units) of the site's reference point.
    case tile(size: Double)

    /// Parses `hash` or `tile:SIZE`.
    public init(parsing text: String) throws(PartitionError) {
        if text == "hash" { self = .hash; return }
        if text.hasPrefix("tile:"), let size = Double(text.dropFirst(5)), size.isFinite, size > 0 {
            self = .tile(size: size)
            return
        }
        throw PartitionError(.invalidSpecification(text, detail: "partition by 'hash' (of the site id) or 'tile:SIZE' (square tiles of SIZE metres in the working CRS, e.g. tile:10000)"), file: "--partition-by")
    }

    /// `hash` or `tile:SIZE`.
    public var description: String {
        switch self {
        case .hash: "hash"
        case .tile(let size): "tile:\(SiteID.number(size).description)"
        }
    }
}

/// A partition file a merged result was assembled from, as the manifest lists it.
public struct PartRecord: Sendable, Hashable {
    /// The path as given to `merge`.
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// `I/N`.
    public var partition: String
    /// The number of sites in the file.
    public var sites: Int

    /// A record of one part file.
    public init(path: String, sha256: String, partition: String, sites: Int) {
        self.path = path
        self.sha256 = sha256
        self.partition = partition
        self.sites = sites
    }

    /// The manifest's entry: `{"path", "sha256", "partition", "sites"}`.
    public var manifestEntry: JSONValue {
        .object(["path": .string(path), "sha256": .string(sha256), "partition": .string(partition), "sites": .number(Double(sites))])
    }
}
