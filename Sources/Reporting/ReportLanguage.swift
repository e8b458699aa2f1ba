/// The language of a report's own text. Labels, names and descriptions from the scenario and the data are
/// shown as written, whatever the language.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case en
    case de

    /// The HTML `lang` attribute.
    public var htmlCode: String { rawValue }

    /// `en` in English, `de` in German: every sentence of the report is chosen through this one function,
    /// so each text sits next to its translation.
    public func pick(_ en: String, _ de: String) -> String {
        switch self {
        case .en: en
        case .de: de
        }
    }

    /// The number formatter of the language.
    public var numbers: NumberStyle { NumberStyle(language: self) }
}
