import GeoCore
import SiteScoring

/// The name a report shows for each site: the `label_field` property of the `report:` section, else the
/// candidates' `name` property, else the site id (also where a site lacks the property).
struct SiteNames {
    /// The property used, or nil when sites are named by id.
    let field: String?
    let names: [String]

    init(_ result: ScoringResult, labelField: String?) {
        let field = labelField ?? (result.candidates.contains { $0.properties["name"] != nil } ? "name" : nil)
        self.field = field
        names = result.candidates.indices.map { s in
            guard let field else { return result.siteIDs[s].description }
            switch result.candidates[s].properties[field] {
            case .string(let text)?: return text.isEmpty ? result.siteIDs[s].description : text
            case .number(let n)?: return SiteID.number(n).description
            case .bool(let b)?: return String(b)
            default: return result.siteIDs[s].description
            }
        }
    }

    subscript(_ site: Int) -> String { names[site] }
}
