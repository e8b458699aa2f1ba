import SiteScoring

/// The scenario's optional `report:` section: a title, the property that names a site on the map and in the
/// table, and attribution lines for data whose files carry none.
///
/// ```yaml
/// report:
///   title: Schnellladen auf Parkplätzen – Vorschlag für den Ausschuss
///   label_field: name
///   attribution: ["Quelle: Bundesnetzagentur, Ladesäulenregister (Stand 19.07.2019), CC BY 4.0"]
/// ```
public struct ReportSettings: Sendable, Hashable {
    /// The report's heading (default: the scenario's name).
    public var title: String?
    /// The candidate property that names a site (default: `name` when the candidates have it, else the site id).
    public var labelField: String?
    /// Extra attribution lines shown under the map and in the provenance section.
    public var attribution: [String]

    public init(title: String? = nil, labelField: String? = nil, attribution: [String] = []) {
        self.title = title
        self.labelField = labelField
        self.attribution = attribution
    }

    /// The section key this type reads.
    public static let sectionName = "report"

    /// Reads the scenario's `report:` section (defaults when there is none).
    /// - Throws: `ScenarioError` with file, line and column for unknown keys or wrong types.
    public init(_ scenario: Scenario) throws {
        self.init(labelField: scenario.labelField)  // the scenario's label_field, unless report.label_field overrides it
        guard let section = scenario.sections[Self.sectionName] else { return }
        for (key, value) in try section.root.mapping("report", allowed: ["title", "label_field", "attribution"]) {
            switch key {
            case "title": title = try value.string("report.title")
            case "label_field": labelField = try value.string("report.label_field")
            case "attribution":
                if let list = try? value.sequence("report.attribution") {
                    attribution = try list.map { try $0.string("report.attribution") }
                } else {
                    attribution = [try value.string("report.attribution")]
                }
            default: break
            }
        }
    }
}
