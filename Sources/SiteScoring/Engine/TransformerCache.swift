import Dispatch
import GeoCore

/// One transformer per CRS pair for the whole run: creating a PROJ operation costs tens of milliseconds
/// (database look-ups), and layers usually share their CRS. Used from one thread at a time.
///
/// ``prefetch(from:to:)`` builds the transformers into the working CRS on another thread while the calling
/// thread does other work (the layers' lon/lat positions, summaries and area-of-use checks): that set-up was
/// ≈ 35 ms of one core at 100,000 sites with the other core idle (issue 15). A prefetched transformer is
/// handed over by ``transformer(from:to:)``, which waits for it; a failure is thrown there, where building it
/// in place would have thrown, so errors and their order do not change.
final class TransformerCache {
    private var cache: [String: CoordinateTransformer] = [:]
    private var pending: [String: PendingTransformer] = [:]

    /// Waits for prefetches nobody asked for (a run that failed before it needed them): PROJ must not be busy on
    /// another thread when the process exits and its static destructors run (that crashed).
    deinit {
        for job in pending.values { _ = try? job.wait() }
    }

    func transformer(from source: CRS, to target: CRS) throws -> CoordinateTransformer {
        let key = Self.key(source, target)
        if let cached = cache[key] { return cached }
        let created = try pending.removeValue(forKey: key)?.wait() ?? CoordinateTransformer(from: source, to: target)
        cache[key] = created
        return created
    }

    /// Starts building the transformers from each of `sources` (duplicates and `target` itself skipped) to `target`
    /// on another thread, after `target`'s ``CRSInfo`` (which the area-of-use check needs next).
    func prefetch(from sources: [CRS], to target: CRS) {
        var seen: Set<String> = []
        let pairs = sources.filter { source in
            let key = Self.key(source, target)
            return source != target && cache[key] == nil && pending[key] == nil && seen.insert(key).inserted
        }
        guard !pairs.isEmpty else { return }
        let jobs = pairs.map { PendingTransformer(from: $0, to: target) }
        for (source, job) in zip(pairs, jobs) { pending[Self.key(source, target)] = job }
        DispatchQueue.global().async {
            _ = try? target.info()
            for job in jobs { job.build() }
        }
    }

    private static func key(_ source: CRS, _ target: CRS) -> String {
        source.definition + "\u{0}" + target.definition
    }
}

/// A transformer being built on another thread. `@unchecked Sendable` is sound because `result` is written once,
/// before `done` is signalled, and read only after waiting for it; the transformer is then used by the waiting
/// thread alone.
private final class PendingTransformer: @unchecked Sendable {
    private let source: CRS
    private let target: CRS
    private var result: Result<CoordinateTransformer, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(from source: CRS, to target: CRS) {
        self.source = source
        self.target = target
    }

    /// Builds the transformer (on the prefetching thread).
    func build() {
        result = Result { try CoordinateTransformer(from: source, to: target) }
        done.signal()
    }

    /// The transformer, once built; rethrows the error building it threw.
    func wait() throws -> CoordinateTransformer {
        done.wait()
        return try result!.get()
    }
}
