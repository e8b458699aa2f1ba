/// What goes into a report besides the scoring result.
public struct ReportOptions: Sendable {
    /// The language of the report's own text.
    public var language: ReportLanguage
    /// Sites listed in the table and labelled on the map.
    public var top: Int
    /// The scenario path as the run manifest records it.
    public var scenarioPath: String
    /// The `standort` version for the manifest.
    public var version: String
    /// The scenario's `report:` settings.
    public var settings: ReportSettings
    /// A network plan to draw and describe (`--plan`).
    public var plan: NetworkPlan?
    /// A sensitivity run to embed (`--sensitivity`).
    public var sensitivity: SensitivityFindings?

    public init(language: ReportLanguage = .en, top: Int = 20, scenarioPath: String, version: String,
                settings: ReportSettings = ReportSettings(), plan: NetworkPlan? = nil, sensitivity: SensitivityFindings? = nil) {
        self.language = language
        self.top = top
        self.scenarioPath = scenarioPath
        self.version = version
        self.settings = settings
        self.plan = plan
        self.sensitivity = sensitivity
    }
}
