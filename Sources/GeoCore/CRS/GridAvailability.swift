import CPROJ

/// Detects PROJ's silent fallback when the most accurate operation between two CRS needs a grid that
/// is not installed.
///
/// `proj_create_crs_to_crs` discards operations with missing grids. Here the candidates are listed again
/// with grid availability ignored (`proj_create_operations`, `PROJ_GRID_AVAILABILITY_IGNORED`, in PROJ's
/// preference order); every candidate ranked before the first instantiable one was skipped, and its
/// missing grids (`proj_coordoperation_get_grid_used`, `available == 0`) are named in a warning.
enum GridAvailability {
    struct Result {
        var warnings: [String] = []
        var bestAvailableOperation: String?
    }

    static func check(_ ctx: OpaquePointer, source: CRS, target: CRS) -> Result {
        var result = Result()
        guard let src = proj_create(ctx, source.definition) else { return result }
        defer { proj_destroy(src) }
        guard let dst = proj_create(ctx, target.definition) else { return result }
        defer { proj_destroy(dst) }
        guard let factory = proj_create_operation_factory_context(ctx, nil) else { return result }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_spatial_criterion(ctx, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(ctx, factory, PROJ_GRID_AVAILABILITY_IGNORED)
        guard let list = proj_create_operations(ctx, src, dst, factory) else { return result }
        defer { proj_list_destroy(list) }

        var skipped: [(name: String, accuracy: Double, grids: [String])] = []
        var fallback: (name: String, accuracy: Double, ballpark: Bool)?
        for index in 0..<proj_list_get_count(list) {
            guard let op = proj_list_get(ctx, list, index) else { continue }
            defer { proj_destroy(op) }
            let name = PROJSupport.string(proj_get_name(op)) ?? "unnamed operation"
            let accuracy = proj_coordoperation_get_accuracy(ctx, op)
            if proj_coordoperation_is_instantiable(ctx, op) != 0 {
                fallback = (name, accuracy, proj_coordoperation_has_ballpark_transformation(ctx, op) != 0)
                break
            }
            skipped.append((name, accuracy, missingGrids(ctx, op)))
        }
        result.bestAvailableOperation = fallback?.name
        guard !skipped.isEmpty else { return result }

        let grids = uniqued(skipped.flatMap(\.grids))
        let gridText = grids.isEmpty ? "a resource it needs" : grids.map { "'\($0)'" }.joined(separator: ", ")
        let best = skipped[0]
        var text = "transformation \(source.definition) → \(target.definition): the most accurate operation "
            + "'\(best.name)'\(accuracyText(best.accuracy)) needs grid \(gridText), which is not installed "
            + "(apt-get install proj-data, or projsync); "
        if let fallback {
            let kind = fallback.ballpark ? "a ballpark" : "a less accurate (e.g. Helmert)"
            text += "PROJ falls back to \(kind) operation '\(fallback.name)'\(accuracyText(fallback.accuracy)); "
                + "expect errors of ~0.1–1 m or more"
        } else {
            text += "no other operation is available"
        }
        result.warnings.append(text)
        return result
    }

    private static func missingGrids(_ ctx: OpaquePointer, _ op: OpaquePointer) -> [String] {
        var names: [String] = []
        for index in 0..<proj_coordoperation_get_grid_used_count(ctx, op) {
            var shortName: UnsafePointer<CChar>?
            var available: Int32 = 0
            guard proj_coordoperation_get_grid_used(
                ctx, op, index, &shortName, nil, nil, nil, nil, nil, &available) != 0 else { continue }
            if available == 0, let shortName { names.append(String(cString: shortName)) }
        }
        return names
    }

    private static func accuracyText(_ accuracy: Double) -> String {
        accuracy >= 0 ? " (accuracy \(accuracy) m)" : " (accuracy unknown)"
    }

    private static func uniqued(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
