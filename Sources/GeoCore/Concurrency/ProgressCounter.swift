import Foundation

/// Counts finished chunks of parallel work and reports the fraction done (used for progress bars).
public final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let report: (@Sendable (Double) -> Void)?
    private var done = 0
    private let lock = NSLock()

    public init(total: Int, report: (@Sendable (Double) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Marks one chunk done and reports the new fraction.
    public func advance() {
        guard let report else { return }
        lock.lock()
        done += 1
        let fraction = Double(done) / Double(max(total, 1))
        lock.unlock()
        report(fraction)
    }
}
