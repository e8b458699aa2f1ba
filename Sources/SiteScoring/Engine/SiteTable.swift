import GeoCore

/// The candidate sites: ids, reference points and areas in the working CRS.
struct SiteTable {
    let layer: LoadedLayer
    let ids: [SiteID]
    /// The point each site is measured from: the point itself, else the (area- or length-weighted) centroid.
    let referencePoints: [Position]
    /// Planar area in m² (0 for points and lines).
    let areas: [Double]

    var count: Int { ids.count }

    /// The sites of `layer` (its working geometries): ids from `idField` (else the feature id, else the 1-based
    /// position), reference points and areas, computed in parallel chunks (issue 15: serially this was 6 % of an
    /// L run's samples, on one core). Throws at the first feature, in input order, with a problem, checked in
    /// the order a serial pass checks them: its id, a repeat of an earlier id, its geometry.
    init(_ layer: LoadedLayer, idField: String?, threads: Int = 1) throws {
        self.layer = layer
        let n = layer.features.count
        let parts = parallelChunks(count: n, threads: threads, minChunk: 4_096) { range in Part(layer, range: range, idField: idField) }
        var ids: [SiteID] = [], points: [Position] = [], areas: [Double] = [], hashes: [Int] = []
        ids.reserveCapacity(n)
        points.reserveCapacity(n)
        areas.reserveCapacity(n)
        hashes.reserveCapacity(n)
        var failure: (any Error)?
        // Numeric ids that rise strictly through the file (1, 2, 3, … — most files) cannot repeat.
        var rising = true
        var lastNumber = -Double.infinity
        for part in parts {
            ids += part.ids
            points += part.points
            areas += part.areas
            hashes += part.hashes
            if let first = part.firstNumber, !(first > lastNumber) { rising = false }
            rising = rising && part.risingNumbers
            lastNumber = part.lastNumber ?? lastNumber
            if let f = part.failure {
                failure = f
                break
            }
        }
        // Ids taking part in the duplicate check: those before the first failure, and the failing feature's own
        // when its id was read (its geometry failed), since a serial pass checks the id first.
        var check = UniqueIDCheck(hashes: rising ? [] : hashes)
        let suspects = check.suspectHashes()
        if !suspects.isEmpty {
            var resolver = UniqueIDCheck.Resolver(suspects: suspects)
            for i in hashes.indices {
                resolver.add(ids[i], hash: hashes[i], index: i)
                if let d = resolver.duplicate {
                    throw ScoringError(.duplicateSiteID(otherFeature: d.first), file: layer.file, featureIndex: d.index, featureID: d.id.description, field: idField)
                }
            }
        }
        if let failure { throw failure }
        self.ids = ids
        self.referencePoints = points
        self.areas = areas
    }

    /// One chunk's sites, up to its first problem.
    private struct Part {
        var ids: [SiteID] = []
        var points: [Position] = []
        var areas: [Double] = []
        /// `ids[k].hashValue`. When a feature fails after its id was read, `ids` and `hashes` end with its id.
        var hashes: [Int] = []
        /// Whether every id is a number greater than the one before (vacuously true for no ids).
        var risingNumbers = true
        /// The first and the last id when they are numbers.
        var firstNumber: Double?
        var lastNumber: Double?
        /// Why the chunk's first feature that cannot be a site cannot be one.
        var failure: (any Error)?

        init(_ layer: LoadedLayer, range: Range<Int>, idField: String?) {
            ids.reserveCapacity(range.count)
            points.reserveCapacity(range.count)
            areas.reserveCapacity(range.count)
            hashes.reserveCapacity(range.count)
            for i in range {
                let id: SiteID
                do {
                    id = try SiteTable.siteID(layer.features[i], index: i, idField: idField, layer: layer)
                } catch {
                    failure = error
                    return
                }
                ids.append(id)
                hashes.append(id.hashValue)
                if case .number(let x) = id, risingNumbers {
                    if let last = lastNumber, !(x > last) { risingNumbers = false }
                    if firstNumber == nil { firstNumber = x }
                    lastNumber = x
                } else {
                    risingNumbers = false
                }
                guard let geometry = layer.working[i] else {
                    failure = ScoringError(.candidateWithoutGeometry, file: layer.file, featureIndex: i, featureID: id.description)
                    return
                }
                guard let centre = geometry.centroid, centre.isFinite else {
                    failure = ScoringError(.degenerateCandidate, file: layer.file, featureIndex: i, featureID: id.description)
                    return
                }
                points.append(centre)
                areas.append(geometry.area)
            }
        }
    }

    /// The id: the `idField` property, else the feature's `id`, else the 1-based index.
    static func siteID(_ feature: Feature, index: Int, idField: String?, layer: LoadedLayer) throws -> SiteID {
        if let idField {
            switch feature.properties[idField] {
            case .string(let s)?: return .string(s)
            case .number(let n)?: return .number(n)
            case nil, .null?:
                throw ScoringError(.missingSiteID, file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField)
            default:
                throw ScoringError(.invalidSiteID, file: layer.file, featureIndex: index, featureID: layer.idText(index), field: idField)
            }
        }
        switch feature.id {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case nil: return .number(Double(index + 1))
        }
    }
}
