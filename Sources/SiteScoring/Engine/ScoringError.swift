/// A problem with the data a scenario reads (not with the scenario file's syntax): names the file and,
/// where it applies, the feature (0-based index and id) and the field.
public struct ScoringError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// 0-based feature index in the file, when the problem is one feature's.
    public var featureIndex: Int?
    /// The feature's id, when known.
    public var featureID: String?
    /// The property concerned, when one is.
    public var field: String?
    public var message: String

    public init(file: String, featureIndex: Int? = nil, featureID: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.field = field
        self.message = message
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
}
