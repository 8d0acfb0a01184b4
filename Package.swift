// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Watchpost",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "WatchpostCore", targets: ["WatchpostCore"]),
        .library(name: "WatchpostStore", targets: ["WatchpostStore"]),
        .executable(name: "watchpost", targets: ["watchpost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // The event store: SQLite (GRDB) and PostgreSQL (postgres-nio) behind one protocol; merging.
        .target(
            name: "WatchpostStore",
            dependencies: [
                "WatchpostCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "watchpost",
            dependencies: [
                "WatchpostCore",
                "WatchpostStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "WatchpostCoreTests",
            dependencies: ["WatchpostCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WatchpostStoreTests",
            dependencies: ["WatchpostStore", "WatchpostCore"]
        ),
    ]
)
