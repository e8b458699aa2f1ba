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
        .library(name: "NetworkPlanning", targets: ["NetworkPlanning"]),
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
                "GeoCore", "SiteScoring", "Sensitivity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GeoCore", dependencies: ["CPROJ"], exclude: ["GeoJSON/README.md"]),
        .target(name: "SiteScoring", dependencies: ["GeoCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "Sensitivity", dependencies: ["SiteScoring"]),
        .target(name: "NetworkPlanning", dependencies: ["GeoCore", "CCBC"], exclude: ["README.md"]),

        // MARK: - Implementation
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CCBC", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["GeoCore"], path: "Sources/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "SiteScoringTests", dependencies: ["SiteScoring", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SensitivityTests", dependencies: ["Sensitivity", "TestSupport"]),
        .testTarget(name: "StandortTests", dependencies: ["TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NetworkPlanningTests", dependencies: ["NetworkPlanning", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
