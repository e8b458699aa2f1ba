import GeoCore

/// Finds a duplicate site id among millions of candidates read a chunk at a time (issue 16) with 8 bytes per
/// candidate instead of a dictionary of every id (≈ 60 bytes each): each id's hash is kept, the hashes are sorted,
/// and only ids whose hash occurs twice are compared, in a second look at the candidates. The duplicate reported is
/// the one a whole-file check reports: the earliest second occurrence, with the position of its first.
struct UniqueIDCheck {
    private var hashes: [Int] = []

    mutating func add(_ id: SiteID) {
        hashes.append(id.hashValue)
    }

    /// A check over ids whose hashes (`SiteID.hashValue`, this process's) were computed already.
    init(hashes: [Int] = []) {
        self.hashes = hashes
    }

    /// The hashes seen more than once (usually none: then every id is unique).
    mutating func suspectHashes() -> Set<Int> {
        RadixSort.sortBitPatterns(&hashes)
        var suspects = Set<Int>()
        if hashes.count > 1 {
            for k in 1..<hashes.count where hashes[k] == hashes[k - 1] { suspects.insert(hashes[k]) }
        }
        hashes = []
        return suspects
    }

    /// Collects, over a second look at the candidates in input order, the ids whose hash is a suspect.
    struct Resolver {
        let suspects: Set<Int>
        private var firstIndex: [SiteID: Int] = [:]
        /// The earliest second occurrence: (its position, the position of the first occurrence, the id).
        private(set) var duplicate: (index: Int, first: Int, id: SiteID)?

        init(suspects: Set<Int>) { self.suspects = suspects }

        mutating func add(_ id: SiteID, index: Int) {
            add(id, hash: id.hashValue, index: index)
        }

        /// `add(_:index:)` with the id's hash known.
        mutating func add(_ id: SiteID, hash: Int, index: Int) {
            guard duplicate == nil, suspects.contains(hash) else { return }
            if let first = firstIndex[id] { duplicate = (index, first, id) } else { firstIndex[id] = index }
        }
    }
}
