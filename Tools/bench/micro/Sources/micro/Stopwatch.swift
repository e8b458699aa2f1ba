import Dispatch

/// Wall-clock timing of one operation: `repetitions` runs, each after an untimed `setup`, median reported.
enum Stopwatch {
    /// The sorted run times in seconds and the last run's result.
    static func measure<State, Result>(
        repetitions: Int, setup: () -> State, _ body: (inout State) throws -> Result
    ) rethrows -> (times: [Double], result: Result) {
        var times: [Double] = []
        var last: Result?
        for _ in 0..<repetitions {
            var state = setup()
            last = nil  // freeing the previous result is not part of the next run
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try body(&state)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            last = result
            withExtendedLifetime(state) {}
        }
        return (times.sorted(), last!)
    }

    /// Without per-run setup.
    static func measure<Result>(repetitions: Int, _ body: () throws -> Result) rethrows -> (times: [Double], result: Result) {
        try measure(repetitions: repetitions, setup: { () }) { _ in try body() }
    }
}

extension Array where Element == Double {
    /// The median of sorted values (the lower middle for an even count).
    var median: Double { self[(count - 1) / 2] }
}
