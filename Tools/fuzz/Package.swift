// swift-tools-version:6.0
// Fuzz targets for Standort's parsers (issue 5). A separate package so the main Package.swift stays free of
// fuzzing flags. Build with libFuzzer (Linux toolchains):
//   swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
// or without it (any toolchain) for the seeded mutation harness. See README.md and smoke.sh.
import PackageDescription

let package = Package(
    name: "StandortFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Standort", path: "../..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        .executableTarget(name: "FuzzGeoJSON", dependencies: ["FuzzSupport", .product(name: "GeoCore", package: "Standort")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "GeoCore", package: "Standort")]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", .product(name: "SiteScoring", package: "Standort")]),
    ]
)
