// swift-tools-version:6.0
// Benchmark of the Monte Carlo sampling loop against numpy (see README.md). Separate package so the
// main package stays free of benchmark targets; depends on the main package by path.
import PackageDescription

let package = Package(
    name: "SensitivityBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Standort", path: "../../..")],
    targets: [
        .executableTarget(
            name: "SensitivityBench",
            dependencies: [
                .product(name: "Sensitivity", package: "Standort"),
                .product(name: "SiteScoring", package: "Standort"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
