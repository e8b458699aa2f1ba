import Foundation

/// The small Markdown subset `standort sensitivity` writes in `summary.md` (headings, bullet lists, `code`,
/// **bold**, paragraphs) as HTML. Everything is escaped first, so no markup from the file passes through.
enum MarkdownLite {
    static func html(_ markdown: String) -> String {
        var out = "", inList = false, paragraph: [String] = []
        func flushParagraph() {
            if !paragraph.isEmpty { out += "<p>" + paragraph.joined(separator: " ") + "</p>\n"; paragraph = [] }
        }
        func closeList() { if inList { out += "</ul>\n"; inList = false } }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("#") {
                flushParagraph(); closeList()
                let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                out += "<h4>\(inline(text))</h4>\n"
            } else if line.hasPrefix("- ") {
                flushParagraph()
                if !inList { out += "<ul>\n"; inList = true }
                out += "<li>\(inline(String(line.dropFirst(2))))</li>\n"
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flushParagraph(); closeList()
            } else {
                closeList()
                paragraph.append(inline(line))
            }
        }
        flushParagraph(); closeList()
        return out
    }

    private static let code = try! NSRegularExpression(pattern: "`([^`]*)`")
    private static let bold = try! NSRegularExpression(pattern: #"\*\*([^*]*)\*\*"#)

    static func inline(_ text: String) -> String {
        var s = HTML.escape(text)
        s = code.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "<code>$1</code>")
        s = bold.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "<strong>$1</strong>")
        return s
    }
}
