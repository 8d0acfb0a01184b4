// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Watchpost",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "WatchpostCore", targets: ["WatchpostCore"]),
        .executable(name: "watchpost", targets: ["watchpost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure pipeline: model, text layer, lexicons, extraction, geocoding. No DB, HTTP or CLI imports.
        .target(
            name: "WatchpostCore",
            resources: [.copy("Resources")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "watchpost",
            dependencies: [
                "WatchpostCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "WatchpostCoreTests",
            dependencies: ["WatchpostCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
