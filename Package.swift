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
        // libxml2's HTML parser for the HTML cleaner (system package libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Pure pipeline: model, text layer, lexicons, extraction, geocoding. No DB, HTTP or CLI imports.
        .target(
            name: "WatchpostCore",
            dependencies: ["CLibXML2"],
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
