import Foundation
import FuzzSupport
import GeoCore

/// Fuzz target: `CSVReader.read(data:…)` with coordinate columns x/y (then lon/lat) must return points
/// with finite coordinates or throw a `CSVError` with a one-line description.
@main
struct FuzzCSV {
    static func main() {
        FuzzDriver.main { raw in
            let data = Data(raw)
            var result = ""
            for (x, y) in [("x", "y"), ("lon", "lat")] {
                do {
                    let collection = try CSVReader.read(data: data, source: "fuzz.csv", xColumn: x, yColumn: y)
                    for f in collection.features {
                        guard case .point(let p)? = f.geometry else { preconditionFailure("a CSV row became \(String(describing: f.geometry))") }
                        precondition(p.x.isFinite && p.y.isFinite, "non-finite coordinate accepted")
                    }
                    result += "ok "
                } catch let error as CSVError {
                    precondition(!error.description.isEmpty, "empty error text")
                    result += outcome(reason: error.reason) + " "
                } catch {
                    preconditionFailure("unexpected error type \(type(of: error))")
                }
            }
            return result
        }
    }
}
