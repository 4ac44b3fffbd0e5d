// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "plenum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plenum", targets: ["plenum"]),
        .library(name: "Sodium", targets: ["Sodium"]),
        .library(name: "StrictJSON", targets: ["StrictJSON"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Counting", targets: ["Counting"]),
        .library(name: "RCTab", targets: ["RCTab"]),
        .library(name: "Shares", targets: ["Shares"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The one place libsodium enters the build: a module map over <sodium.h>.
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // The one Swift wrapper around the cryptography: keys and signatures through libsodium,
        // SHA-256 through swift-crypto (which uses the CPU's SHA instructions where it has them).
        .target(name: "Sodium", dependencies: ["CSodium", .product(name: "Crypto", package: "swift-crypto")]),
        // Pure: strict JSON reading and canonical JSON writing, for everything Plenum signs or hashes.
        .target(name: "StrictJSON"),
        // Pure: signed statements and their payloads, the Merkle log, checkpoints.
        .target(name: "Ledger", dependencies: ["Sodium", "StrictJSON"]),
        // Pure: every voting method, exact and traced, and the ballot file readers.
        .target(name: "Counting", dependencies: ["StrictJSON", .product(name: "BigInt", package: "BigInt")]),
        // Pure: RCTab (Universal RCV Tabulator) compatibility: contest configurations, cast-vote
        // records, ranked-choice tabulation with RCTab's rule options, and its summary format.
        .target(name: "RCTab", dependencies: ["Counting", "StrictJSON"]),
        // Pure: sharing money among members, exact to the minor unit (largest-remainder rounding,
        // water-filling, claims rules, quadratic funding, Shapley value, apportionment). Uses
        // Counting's exact `Rational` rather than a second rational type.
        .target(name: "Shares", dependencies: ["Counting", .product(name: "BigInt", package: "BigInt")]),
        // Pure: the payload of every kind of statement the service accepts (members, proposals,
        // threads, rounds, ballots, results), read strictly and written canonically.
        .target(name: "Statements", dependencies: ["Ledger", "Counting", "Shares"]),
        // Pure: the audit record of a round (docs/audit-record.md) and its offline verifier.
        .target(name: "Audit", dependencies: ["Ledger", "Sodium", "Statements", "Counting", "Shares"]),
        // Storage: the append-only statement log and the views derived from it, in SQLite via GRDB.
        .target(name: "Store", dependencies: ["Ledger", "Sodium", .product(name: "GRDB", package: "GRDB.swift")]),
        // Rules: who may do what, when; statements in, receipts out. Knows nothing of HTTP.
        .target(
            name: "Service",
            dependencies: [
                "Statements", "Store", "Ledger", "Sodium", "Counting", "Audit", "Shares",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web pages for members, stewards and auditors (Mustache templates, plain CSS, vanilla
        // JavaScript that keeps keys and signs statements in the browser), served by the same process.
        .target(
            name: "PlenumWeb",
            dependencies: [
                "Service", "Statements", "Ledger", "Sodium", "Audit", "Counting", "Shares",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        // The HTTP edge: the JSON API under /api/v1 (Hummingbird), errors mapped in one place.
        .target(
            name: "PlenumServer",
            dependencies: [
                "Service", "Statements", "Ledger", "PlenumWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command-line edge: argument parsing, key files, printing.
        .target(
            name: "PlenumCLI",
            dependencies: [
                "Sodium", "Ledger", "Counting", "RCTab", "Shares", "Statements", "Service", "PlenumServer", "Audit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "plenum", dependencies: ["PlenumCLI"]),
        // Benchmarks: a C baseline that calls libsodium directly, and the Swift driver.
        .target(name: "CSodiumBaseline", dependencies: ["CSodium"]),
        .executableTarget(
            name: "plenum-benchmarks",
            dependencies: [
                "Sodium", "Ledger", "Counting", "RCTab", "CSodiumBaseline", "Statements", "Store", "Service",
                "PlenumServer", "Audit", "PlenumCLI", .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Shared by the test targets: the fixed-seed generator of their random inputs.
        .target(name: "TestRandom", path: "Tests/TestRandom"),
        .testTarget(name: "SodiumTests", dependencies: ["Sodium", "CSodium", "TestRandom"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Sodium", "TestRandom"]),
        .testTarget(name: "CountingTests", dependencies: ["Counting", "TestRandom"]),
        .testTarget(name: "RCTabTests", dependencies: ["RCTab", "Counting", "StrictJSON"]),
        .testTarget(
            name: "SharesTests",
            dependencies: ["Shares", "Counting", "TestRandom", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "StatementsTests", dependencies: ["Statements", "Ledger", "Counting", "TestRandom"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Ledger", "Sodium", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Shared by the service and server tests: a test organization and an in-process server.
        .target(
            name: "PlenumTestSupport",
            dependencies: ["Service", "PlenumServer", "Statements", "Store", "Ledger", "Sodium"],
            path: "Tests/PlenumTestSupport"
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "Service", "Statements", "Store", "Ledger", "Sodium", "Counting", "PlenumTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "PlenumServerTests",
            dependencies: [
                "PlenumServer", "PlenumWeb", "PlenumCLI", "Service", "Statements", "Store", "Ledger", "Sodium",
                "Counting", "PlenumTestSupport", "TestRandom",
            ]
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: [
                "Audit", "Service", "Statements", "Ledger", "Sodium", "Counting", "PlenumTestSupport", "TestRandom",
            ]
        ),
        .testTarget(name: "PlenumCLITests", dependencies: ["PlenumCLI", "Sodium", "Ledger", "Counting", "Shares"]),
    ]
)
