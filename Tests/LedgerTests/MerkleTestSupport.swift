import Foundation
import Ledger
import TestRandom

@testable import Sodium

/// Helpers shared by the Merkle and checkpoint tests. Everything is namespaced under
/// `MerkleTestKit` so nothing collides with helpers other test files of this target define.
enum MerkleTestKit {
    /// Decodes hexadecimal text into bytes; traps on a malformed literal so a typo fails loudly.
    static func bytes(hex text: String) -> [UInt8] {
        let digits = Array(text.utf8)
        precondition(digits.count % 2 == 0, "odd number of hex digits in \(text)")
        return stride(from: 0, to: digits.count, by: 2).map { offset in
            guard let byte = UInt8(String(decoding: digits[offset..<offset + 2], as: UTF8.self), radix: 16) else {
                preconditionFailure("not hex: \(text)")
            }
            return byte
        }
    }

    /// A digest from 64 hex digits (traps otherwise).
    static func digest(hex text: String) -> SHA256Digest {
        try! SHA256Digest(bytes: bytes(hex: text))
    }

    /// `digest` with one of its 256 bits (`bit` in 0...255) inverted. It works on the digest's
    /// four stored words directly (hundreds of thousands of flips stay cheap in debug builds).
    static func flipping(_ digest: SHA256Digest, bit: Int) -> SHA256Digest {
        precondition((0..<256).contains(bit))
        var flipped = digest
        let mask = UInt64(1) << UInt64(bit % 64)
        switch bit / 64 {
        case 0: flipped.storage.0 ^= mask
        case 1: flipped.storage.1 ^= mask
        case 2: flipped.storage.2 ^= mask
        default: flipped.storage.3 ^= mask
        }
        return flipped
    }

    /// Distinct, deterministic leaf hashes for building trees.
    static func leafHashes(count: Int, seed: UInt64 = 1) -> [SHA256Digest] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            MerkleHash.leaf((0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        }
    }
}

extension MerkleTestKit {
}

/// The transparency-dev/merkle probe files kept in `shared/vectors/merkle` beside the package
/// root (`/work/shared` here; in CI wherever the repository is cloned, with `shared/` beside it).
enum MerkleVectorFiles {
    /// `.../Tests/LedgerTests/MerkleTestSupport.swift` up three levels is the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let merkleDirectory =
        packageRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared/vectors/merkle", isDirectory: true)

    /// Whether `shared/vectors/merkle/<folder>` exists.
    static func exists(_ folder: String) -> Bool {
        var isDirectory: ObjCBool = false
        let path = merkleDirectory.appendingPathComponent(folder).path
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every `.json` file below `folder`, as paths relative to it, sorted.
    static func jsonFiles(in folder: String) throws -> [String] {
        let base = merkleDirectory.appendingPathComponent(folder, isDirectory: true)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// How many of `files` lie in each top-level folder (`"3/happy-path.json"` counts for `"3"`).
    static func countsByFolder(_ files: [String]) -> [String: Int] {
        Dictionary(grouping: files) { String($0.prefix { $0 != "/" }) }.mapValues(\.count)
    }

    /// Decodes one probe file.
    static func load<Probe: Decodable>(_ type: Probe.Type, folder: String, file: String) throws -> Probe {
        let url = merkleDirectory.appendingPathComponent(folder).appendingPathComponent(file)
        return try JSONDecoder().decode(Probe.self, from: Data(contentsOf: url))
    }
}

/// A hash field of a probe: standard base64 that is either 32 bytes (a digest the API can take)
/// or something else (empty, `"WrongLeaf"`, `"don't care 1"`, ...), which no typed Plenum input can
/// carry: such a value is refused when it is parsed, before any proof is verified.
enum MerkleProbeHash: Equatable {
    case digest(SHA256Digest)
    case malformed([UInt8])

    init(base64 text: String) {
        guard let data = Data(base64Encoded: text) else {
            self = .malformed(Array(text.utf8))
            return
        }
        if let digest = try? SHA256Digest(bytes: Array(data)) {
            self = .digest(digest)
        } else {
            self = .malformed(Array(data))
        }
    }

    var isMalformed: Bool {
        if case .malformed = self { return true }
        return false
    }

    /// The digest, or for a malformed value a stand-in digest derived from its bytes (SHA-256 over
    /// a tag and the bytes: equal values give equal stand-ins, and no stand-in is a real node).
    var digestOrStandIn: SHA256Digest {
        switch self {
        case .digest(let digest): return digest
        case .malformed(let bytes): return SHA256.hash(Array("malformed probe hash:".utf8) + bytes)
        }
    }
}

extension SplitMix64 {
    /// A uniform value in `range` (the small modulo bias is irrelevant for test inputs).
    mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        range.lowerBound + next() % (range.upperBound - range.lowerBound + 1)
    }

}
