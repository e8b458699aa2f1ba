// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Standort",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "standort", targets: ["standort"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
        .library(name: "SiteScoring", targets: ["SiteScoring"]),
        .library(name: "Sensitivity", targets: ["Sensitivity"]),
        .library(name: "VectorFormats", targets: ["VectorFormats"]),
        .library(name: "NetworkPlanning", targets: ["NetworkPlanning"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: - Public API
        .executableTarget(
            name: "standort",
            dependencies: [
                "GeoCore", "SiteScoring", "Sensitivity", "VectorFormats", "NetworkPlanning", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .target(name: "GeoCore", dependencies: ["CPROJ"], exclude: ["GeoJSON/README.md", "README.md"]),
        .target(name: "VectorFormats", dependencies: ["GeoCore", "CGDAL"], exclude: ["README.md"]),
        .target(name: "SiteScoring", dependencies: ["GeoCore", "VectorFormats", .product(name: "Yams", package: "Yams")], exclude: ["README.md"]),
        .target(name: "Sensitivity", dependencies: ["GeoCore", "SiteScoring"], exclude: ["README.md"]),
        .target(name: "NetworkPlanning", dependencies: ["GeoCore", "SiteScoring", "CCBC"], exclude: ["README.md"]),
        .target(name: "Reporting", dependencies: ["GeoCore", "SiteScoring", "Sensitivity"], exclude: ["README.md"]),

        // MARK: - Implementation
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // GDAL: headers only, opened at run time (see Sources/CGDAL/shim.h); Debian package libgdal-dev.
        .systemLibrary(name: "CGDAL"),
        // CBC: headers only, opened at run time (see Sources/CCBC/shim.h); Debian package coinor-libcbc-dev.
        .systemLibrary(name: "CCBC"),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["GeoCore"], path: "Sources/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteScoringTests", dependencies: ["SiteScoring", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SensitivityTests", dependencies: ["Sensitivity", "TestSupport"]),
        .testTarget(name: "VectorFormatsTests", dependencies: ["VectorFormats", "GeoCore"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "SiteScoring", "Sensitivity", "GeoCore"], exclude: ["Fixtures"]),
        .testTarget(name: "StandortTests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NetworkPlanningTests", dependencies: ["NetworkPlanning", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
