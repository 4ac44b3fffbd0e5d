// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plenum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plenum", targets: ["plenum"]),
        .library(name: "Sodium", targets: ["Sodium"]),
        .library(name: "Ledger", targets: ["Ledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The one place libsodium enters the build: a module map over <sodium.h>.
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // The one Swift wrapper around libsodium: keys, signatures, hashing.
        .target(name: "Sodium", dependencies: ["CSodium"]),
        // Pure: strict statement payloads, signed statements, the Merkle log, checkpoints.
        .target(name: "Ledger", dependencies: ["Sodium"]),
        // The command-line edge: argument parsing, key files, printing.
        .target(
            name: "PlenumCLI",
            dependencies: [
                "Sodium", "Ledger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "plenum", dependencies: ["PlenumCLI"]),
        // Benchmarks: a C baseline that calls libsodium directly, and the Swift driver.
        .target(name: "CSodiumBaseline", dependencies: ["CSodium"]),
        .executableTarget(
            name: "plenum-benchmarks",
            dependencies: ["Sodium", "Ledger", "CSodiumBaseline"]
        ),
        .testTarget(name: "SodiumTests", dependencies: ["Sodium"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Sodium"]),
        .testTarget(name: "PlenumCLITests", dependencies: ["PlenumCLI", "Sodium", "Ledger"]),
    ]
)
