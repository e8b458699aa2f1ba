/// A problem with a partition specification or with partition files: a typed `reason` and the file (or option)
/// concerned. `description` renders the message in one place; the CLI maps every case to exit status 65
/// (bad input), except `invalidSpecification`, a usage error (64).
public struct PartitionError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public enum Reason: Sendable, Hashable {
        /// `--partition` / `--partition-by` cannot be read.
        case invalidSpecification(String, detail: String)
        /// The file is not a Standort partition file (or a newer version of one).
        case notAPartFile(detail: String)
        /// A line of the file cannot be read.
        case malformedLine(line: Int, detail: String)
        /// The part was measured for another scenario (or another version of it).
        case otherScenario(partSHA256: String, scenarioSHA256: String)
        /// The part was measured from other input data than the first part.
        case otherInputs(firstFile: String, detail: String)
        /// Parts of different partitionings (count or scheme).
        case otherPartitioning(firstFile: String, first: String, this: String)
        /// Two files hold the same partition.
        case duplicatePartition(partition: String, otherFile: String)
        /// Partitions are missing.
        case missingPartitions([Int], count: Int)
        /// A site appears in two parts (or twice in one).
        case duplicateSite(id: String, otherFile: String)
        /// A site is in a file that does not hold its partition.
        case siteInWrongPartition(id: String, belongsTo: Int)
        /// The parts do not cover all candidates.
        case missingSites(missing: Int, of: Int)
        /// No part files given.
        case noParts
    }

    public var reason: Reason
    /// The file (or option) concerned.
    public var file: String

    public init(_ reason: Reason, file: String) {
        self.reason = reason
        self.file = file
    }

    /// The planner-facing message without the location.
    public var message: String {
        switch reason {
        case .invalidSpecification(let text, let detail): "cannot read '\(text)': \(detail)"
        case .notAPartFile(let detail): "is not a Standort partition file (written by `standort score SCEN --partition I/N --out FILE`): \(detail)"
        case .malformedLine(let line, let detail): "line \(line): \(detail); the file is damaged or cut off: measure this partition again"
        case .otherScenario(let part, let scenario):
            "was measured for another scenario or another version of it (scenario SHA-256 \(part.prefix(12))…, this scenario \(scenario.prefix(12))…): measure it again with this scenario"
        case .otherInputs(let first, let detail):
            "was measured from other input data than \(first) (\(detail)): measure all partitions from the same files"
        case .otherPartitioning(let first, let firstText, let this):
            "belongs to a partitioning \(this), but \(first) to \(firstText): merge the parts of one partitioning"
        case .duplicatePartition(let partition, let other): "holds partition \(partition), as \(other) does: give each partition once"
        case .missingPartitions(let missing, let count):
            "partition\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing: measure \(missing.count == 1 ? "it" : "them") with `standort score SCEN --partition I/\(count) --out part-I.ndjson` and merge all \(count)"
        case .duplicateSite(let id, let other): "holds site \(id), which \(other) holds too: merge the parts of one partitioning, each once"
        case .siteInWrongPartition(let id, let belongsTo): "holds site \(id), which belongs to partition \(belongsTo): the file was edited or mislabelled; measure it again"
        case .missingSites(let missing, let of): "the parts hold \(of - missing) of \(of) candidates: measure the missing partitions again"
        case .noParts: "no partition files given: `standort merge SCEN part-*.ndjson --out ranked.geojson`"
        }
    }

    public var description: String { "\(file): \(message)" }
}
