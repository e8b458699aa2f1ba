// swift-tools-version:6.0
// Micro-benchmarks of issue 7 (GeoJSON parse, batch transform, spatial index build and queries,
// point-in-polygon, WSM/TOPSIS) as a plain release-mode harness. Separate package so the main package
// stays free of benchmark targets; depends on the main package by path. Run with `Tools/bench/micro/run`.
import PackageDescription

let package = Package(
    name: "MicroBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Standort", path: "../../..")],
    targets: [
        .executableTarget(
            name: "micro",
            dependencies: [
                .product(name: "GeoCore", package: "Standort"),
                .product(name: "SiteScoring", package: "Standort"),
                "CPROJMicro",
            ]
        ),
        // The same system PROJ, called directly: the baseline that shows CoordinateTransformer's own overhead.
        .systemLibrary(name: "CPROJMicro", pkgConfig: "proj"),
    ]
)
