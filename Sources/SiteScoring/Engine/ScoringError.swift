import GeoCore

/// A problem with the data a scenario reads (not with the scenario file's syntax): a typed `reason`, the file
/// and, where it applies, the feature (0-based index and id) and the field. `description` renders the
/// planner-facing message in one place; the CLI picks its exit status by case.
public struct ScoringError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, with the names and values involved.
    public enum Reason: Sendable, Hashable {
        /// A layer's file does not exist (`path` as written in the scenario).
        case layerFileNotFound(layer: String, path: String)
        /// A layer's path names a directory.
        case layerIsDirectory(layer: String)
        /// A layer's file exists but cannot be read.
        case layerUnreadable(layer: String, detail: String)
        /// A CSV layer without `x:`/`y:` columns.
        case csvNeedsCoordinateColumns(layer: String)
        /// `x:`/`y:` given for a layer that is not CSV.
        case coordinateColumnsNotApplicable(layer: String, format: String)
        /// A layer's CRS is not one PROJ knows.
        case invalidLayerCRS(layer: String, crs: String, detail: String)
        /// PROJ could not transform a layer.
        case transformFailed(layer: String, from: String, to: String, detail: String)
        /// The scenario's `crs:` is unknown to PROJ.
        case invalidWorkingCRS(crs: String, detail: String)
        /// The scenario's `crs:` is not projected (`kind`: "geographic (degrees)", …).
        case workingCRSNotProjected(crs: String, kind: String)
        /// `crs: auto` with no candidate coordinates.
        case noCandidateCoordinates
        /// Positions far outside the working CRS's area of use: most of a layer (a wrong CRS or axis order), or
        /// outliers with `outliers: error`. `position`: "lon …, lat …"; `given`: the coordinates as written in the
        /// file (with CSV column names); `likely`: what CRS such values usually are in.
        case outsideAreaOfUse(position: String, workingCRS: String, area: String, layerCRS: String, given: String, outside: Int, of: Int, likely: String?)
        /// A layer some criterion or constraint needs has no geometries.
        case emptyLayer(layer: String, usedBy: String)
        /// A layer tested with inside/outside has no polygons.
        case noPolygons(layer: String, usedBy: String)
        /// A field a criterion or constraint reads is not a property of any feature of the layer.
        case unknownField(owner: String, field: String, layer: String, available: [String])
        /// A field present on some features but null/empty on every one.
        case fieldAlwaysEmpty(owner: String, field: String, layer: String)
        /// A summed field is missing on one feature.
        case missingNumber(owner: String)
        /// A value that should be a number is text (`hint` tells what to do).
        case notANumber(text: String, owner: String, hint: String)
        /// A value is an array or object.
        case notAScalar(owner: String)
        /// Two candidates share an id.
        case duplicateSiteID(otherFeature: Int)
        /// A candidate has no id in the id field.
        case missingSiteID
        /// A site id that is neither text nor a number.
        case invalidSiteID
        /// A candidate without geometry.
        case candidateWithoutGeometry
        /// A candidate whose geometry has no centroid.
        case degenerateCandidate
        /// A criterion's raw value is not finite for an eligible site.
        case nonFiniteCriterion(criterion: String, value: Double)
        /// A value function rejected the values.
        case valueFunction(criterion: String, detail: String)
        /// The aggregation produced a non-finite score.
        case nonFiniteScore(method: String)
        /// Every weight is 0.
        case allWeightsZero
        /// The AHP judgements cannot give weights (incomplete, inconsistent, …).
        case ahp(detail: String)
        /// The chosen method cannot run on this many sites (`alternative`: what to do instead).
        case tooManySites(method: String, count: Int, limit: Int, alternative: String)
        /// A method setting outside its domain.
        case invalidMethodSetting(String)
    }

    public var reason: Reason
    public var file: String
    /// 0-based feature index in the file, when the problem is one feature's.
    public var featureIndex: Int?
    /// The feature's id, when known.
    public var featureID: String?
    /// The property concerned, when one is.
    public var field: String?

    public init(_ reason: Reason, file: String, featureIndex: Int? = nil, featureID: String? = nil, field: String? = nil) {
        self.reason = reason
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.field = field
    }

    /// The planner-facing message without the location.
    public var message: String {
        switch reason {
        case .layerFileNotFound(let layer, let path): "no such file (layer '\(layer)', path '\(path)' in the scenario)"
        case .layerIsDirectory(let layer): "is a directory, not a data file (layer '\(layer)')"
        case .layerUnreadable(_, let detail): "cannot be read: \(detail)"
        case .csvNeedsCoordinateColumns(let layer): "is a CSV file: name its coordinate columns with 'x:' and 'y:' in the scenario (layer '\(layer)')"
        case .coordinateColumnsNotApplicable(let layer, let format): "'x:'/'y:' apply to CSV layers only; this file is read as \(format) (layer '\(layer)')"
        case .invalidLayerCRS(let layer, let crs, let detail): "CRS '\(crs)' of layer '\(layer)': \(detail)"
        case .transformFailed(_, let from, let to, let detail): "coordinates cannot be transformed from \(from) to \(to): \(detail)"
        case .invalidWorkingCRS(_, let detail): detail
        case .workingCRSNotProjected(let crs, let kind): "working CRS \(crs) is \(kind); distances need a projected CRS in metres, e.g. EPSG:25832, or 'auto'"
        case .noCandidateCoordinates: "has no candidate coordinates, so 'crs: auto' cannot choose a UTM zone"
        case .outsideAreaOfUse(let position, let working, let area, let layerCRS, let given, let outside, let of, let likely):
            "\(given) read as \(layerCRS) gives \(position), outside the area of use of the working CRS \(working) (\(area))"
                + (of > 1 ? "; \(outside) of \(of) features lie outside" : "")
                + (likely.map { "; \($0)" } ?? "; are lon/lat swapped, or is the layer's CRS (\(layerCRS)) wrong? Give its real CRS with 'crs:'")
        case .emptyLayer(let layer, let usedBy): "layer '\(layer)' has no features with a geometry, but \(usedBy) depends on it"
        case .noPolygons(let layer, let usedBy): "layer '\(layer)' has no polygons, but \(usedBy) tests whether sites lie inside it"
        case .unknownField(let owner, let field, let layer, let available):
            "\(owner) reads field '\(field)', which no feature of layer '\(layer)' has\(NameSuggestion.hint(for: field, in: available, folding: true)); the fields are \(Self.list(available))"
        case .fieldAlwaysEmpty(let owner, let field, let layer):
            "\(owner) reads field '\(field)', which is empty (null) on every feature of layer '\(layer)'; fill it or choose another field"
        case .missingNumber(let owner): "missing, but \(owner) sums it; give every feature a number (0 if none)"
        case .notANumber(let text, let owner, let hint): "is text '\(text)', but \(owner) needs a number\(hint.isEmpty ? "" : " (\(hint))")"
        case .notAScalar(let owner): "is an array or object, but \(owner) needs a number"
        case .duplicateSiteID(let other): "duplicate site id (feature \(other) has it too); site ids must be unique"
        case .missingSiteID: "candidate has no site id (the scenario's candidates.id names this property)"
        case .invalidSiteID: "site id must be a string or a number"
        case .candidateWithoutGeometry: "candidate has no geometry (geometry: null); every site needs a location"
        case .degenerateCandidate: "candidate geometry is empty or degenerate; it has no centroid"
        case .nonFiniteCriterion(let criterion, let value): "criterion '\(criterion)' is \(value) for this site (is its layer empty or a value non-finite?)"
        case .valueFunction(_, let detail): "value function: \(detail)"
        case .nonFiniteScore(let method): "the \(method) score of this site is not a finite number; a criterion's values are too large to compare (near ±1.8e308): rescale the attribute"
        case .allWeightsZero: "all criterion weights are 0"
        case .ahp(let detail): detail
        case .tooManySites(let method, let count, let limit, let alternative):
            "\(method) compares every pair of sites (O(n²)); \(count) eligible sites exceed its limit of \(limit): \(alternative)"
        case .invalidMethodSetting(let text): text
        }
    }

    /// The nearest valid name for a misspelt field, if one is close.
    public var suggestion: String? {
        if case .unknownField(_, let field, _, let available) = reason { return NameSuggestion.nearest(to: field, in: available, folding: true) }
        return nil
    }

    public var description: String {
        var location = file
        if let featureIndex {
            location += ": feature \(featureIndex)"
            if let featureID { location += " (id \(featureID))" }
        }
        if let field { location += ": field '\(field)'" }
        return "\(location): \(message)"
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + ", … (\(names.count) in all)"
    }
}
