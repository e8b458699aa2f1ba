import Foundation

/// Makes an SVG file safe and self-contained for inlining into the report: drops the XML prolog and any
/// DOCTYPE, `<script>` and `<foreignObject>` elements, event-handler attributes (`onload=…`), links and
/// references to anything but a fragment of the same document (`href="https://…"`, `xlink:href="file.png"`),
/// and CSS `@import`/`url(…)` pointing outside. The sensitivity charts are Standort's own files; this is a
/// second line of defence, not a general-purpose sanitiser.
public enum SVGSanitizer {
    private static let rules: [(NSRegularExpression, String)] = [
        (#"<\?xml[^>]*\?>\s*"#, ""),
        (#"<!DOCTYPE[^>]*>\s*"#, ""),
        (#"<!--[\s\S]*?-->"#, ""),
        (#"<script\b[\s\S]*?</script\s*>"#, ""),
        (#"<script\b[^>]*/>"#, ""),
        (#"<foreignObject\b[\s\S]*?</foreignObject\s*>"#, ""),
        (#"\s+on[a-zA-Z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#, ""),
        (#"\s+(xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')"#, ""),
        (#"@import[^;]*;"#, ""),
        (#"url\(\s*['"]?(?!#)[^)]*\)"#, "none"),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1) }

    /// `svg` without the parts listed above; the rest is unchanged.
    public static func clean(_ svg: String) -> String {
        var text = svg
        for (pattern, replacement) in rules {
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
