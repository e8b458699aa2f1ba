import Foundation
import GeoCore
import SiteScoring

/// The scenarios shipped in `GeoData/scenarios`, found from the checkout (`swift run`, `.build/…/standort`),
/// an installed layout (`PREFIX/bin/standort` with `PREFIX/share/standort/GeoData`), or `$STANDORT_DATA`.
enum ShippedScenarios {
    static let defaultName = "wolfsburg-fast-charging"

    /// The GeoData folders searched, in order.
    static func searchRoots() -> [URL] {
        var roots: [URL] = []
        if let env = ProcessInfo.processInfo.environment["STANDORT_DATA"], !env.isEmpty {
            roots.append(URL(fileURLWithPath: env))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        roots.append(dir.appendingPathComponent("../share/standort/GeoData").standardizedFileURL)
        for _ in 0..<6 {
            roots.append(dir.appendingPathComponent("GeoData"))
            dir = dir.deletingLastPathComponent()
        }
        roots.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("GeoData"))
        return roots
    }

    /// The first GeoData folder that has a `scenarios` subfolder.
    static func dataRoot() -> URL? {
        searchRoots().first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("scenarios").path) }
    }

    /// Shipped scenario files by name (file name without extension), sorted.
    static func all() -> [(name: String, url: URL)] {
        guard let root = dataRoot() else { return [] }
        let dir = root.appendingPathComponent("scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { (($0 as NSString).deletingPathExtension, dir.appendingPathComponent($0)) }
    }

    /// A scenario argument: a path when it names a file (or looks like one), else a shipped scenario's name;
    /// nil means the default scenario.
    static func resolve(_ argument: String?) throws -> URL {
        let name = argument ?? defaultName
        let looksLikePath = name.contains("/") || [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) }
        if looksLikePath || FileManager.default.fileExists(atPath: name) {
            return URL(fileURLWithPath: name)
        }
        let shipped = all()
        if let match = shipped.first(where: { $0.name == name }) { return match.url }
        if shipped.isEmpty {
            throw CommandError(message: "no scenario file '\(name)' and no shipped scenarios found (looked for GeoData/scenarios; set STANDORT_DATA to the GeoData folder)", status: ExitStatus.noInput)
        }
        let names = shipped.map(\.name)
        let hint = NameSuggestion.hint(for: name, in: names)
        throw CommandError(message: "no scenario file or shipped scenario named '\(name)'\(hint); shipped: \(names.joined(separator: ", "))", status: ExitStatus.noInput)
    }
}
