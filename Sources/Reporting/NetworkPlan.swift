import Foundation
import GeoCore
import SiteScoring

/// A network plan as `standort plan` writes it (`plan.geojson`): the candidates with `plan_selected`,
/// `plan_order` and `plan_covered`, and the plan's settings in the manifest member `standort.plan`
/// (`model`, `count`, `radius`, `objective`, `coverage_share`, …). The report reads the file; it does not
/// depend on the planning module.
public struct NetworkPlan: Sendable {
    /// One selected site.
    public struct Site: Sendable, Hashable {
        /// The site's id (the scenario's id property, else the feature id).
        public var id: SiteID
        /// The position in the plan (1 = chosen first), when the plan orders its sites.
        public var order: Int?
        /// The site's reference point in lon/lat (its centroid when it is not a point).
        public var lonLat: Position
    }

    /// The members of `standort.plan` in file order, as text for the report (`model`, `count`, …).
    public var parameters: [(key: String, value: JSONValue)]
    /// The location model (`mclp`, `p-median`, …), when given.
    public var model: String?
    /// The number of sites to place, when given.
    public var count: Int?
    /// The coverage radius in metres, when the model has one (coverage circles are drawn only then).
    public var radius: Double?
    /// What the model optimises, in its own words.
    public var objective: String?
    /// The share of the demand covered (0…1), when given.
    public var coverageShare: Double?
    /// The selected sites, by plan order (unordered ones last, by id).
    public var sites: [Site]
    /// How many candidates the plan file marks `plan_covered: true`.
    public var coveredCount: Int
    /// How many features the plan file has.
    public var candidateCount: Int

    /// Reads `plan.geojson`.
    /// - Parameter idField: the scenario's id property (nil: the feature id, else the 1-based index).
    /// - Throws: ``ReportError`` when the file is missing, unreadable, or has no `standort.plan` member or no
    ///   `plan_selected` property.
    public static func read(contentsOf url: URL, idField: String?) throws -> NetworkPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw ReportError(.notFound, path: url.path) }
        guard !isDirectory.boolValue else { throw ReportError(.wrongKind(expected: "a plan.geojson file, not a directory"), path: url.path) }
        let collection: FeatureCollection
        do { collection = try GeoJSONReader.read(contentsOf: url) } catch {
            throw ReportError(.unreadable(detail: "\(error)"), path: url.path)
        }
        return try NetworkPlan(collection, idField: idField, path: url.path)
    }

    /// A plan from an already parsed collection (see ``read(contentsOf:idField:)``).
    public init(_ collection: FeatureCollection, idField: String?, path: String = "plan") throws {
        guard case .object(let manifest)? = collection.foreignMembers["standort"],
              case .object(let plan)? = manifest["plan"] else {
            throw ReportError(.notAPlan(detail: "no 'standort.plan' member"), path: path)
        }
        parameters = Array(plan.members.map { (key: $0.0, value: $0.1) })
        model = plan["model"]?.string
        count = plan["count"]?.number.map { Int($0) }
        radius = plan["radius"]?.number
        objective = plan["objective"]?.string
        coverageShare = plan["coverage_share"]?.number

        let toLonLat = try? CoordinateTransformer(from: CRS(collection.crs), to: .crs84)
        var sites: [Site] = []
        var covered = 0
        var sawSelected = false
        for (i, feature) in collection.features.enumerated() {
            let properties = feature.properties
            if case .bool(true)? = properties["plan_covered"] { covered += 1 }
            guard let selected = properties["plan_selected"] else { continue }
            sawSelected = true
            guard case .bool(true) = selected else { continue }
            let id: SiteID
            if let idField {
                switch properties[idField] {
                case .string(let s)?: id = .string(s)
                case .number(let n)?: id = .number(n)
                default: throw ReportError(.notAPlan(detail: "feature \(i) has no '\(idField)'"), path: path)
                }
            } else {
                switch feature.id {
                case .string(let s)?: id = .string(s)
                case .number(let n)?: id = .number(n)
                case nil: id = .number(Double(i + 1))
                }
            }
            guard let geometry = feature.geometry, var centre = geometry.centroid, centre.isFinite else {
                throw ReportError(.notAPlan(detail: "selected feature \(i) (id \(id)) has no geometry"), path: path)
            }
            if let toLonLat, !toLonLat.isIdentity { centre = (try? toLonLat.transform(centre)) ?? centre }
            sites.append(Site(id: id, order: properties["plan_order"]?.number.map { Int($0) }, lonLat: centre))
        }
        guard sawSelected else { throw ReportError(.notAPlan(detail: "no feature has 'plan_selected'"), path: path) }
        self.sites = sites.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?): x != y ? x < y : a.id < b.id
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.id < b.id
            }
        }
        coveredCount = covered
        candidateCount = collection.features.count
    }
}
