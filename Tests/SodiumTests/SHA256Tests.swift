import CSodium
import Sodium
import TestRandom
import Testing

private let emptyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
private let abcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

@Suite("SHA256")
struct SHA256Tests {
    @Test("known digests (FIPS 180-2 examples)")
    func knownDigests() {
        #expect(SHA256.hash("").hex == emptyDigest)
        #expect(SHA256.hash("abc").hex == abcDigest)
        #expect(
            SHA256.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hash(million).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the String, [UInt8] and raw-buffer forms agree")
    func formsAgree() {
        let bytes = Array("abc".utf8)
        #expect(SHA256.hash(bytes) == SHA256.hash("abc"))
        #expect(bytes.withUnsafeBytes { SHA256.hash($0) } == SHA256.hash("abc"))
        #expect(SHA256.hash(UnsafeRawBufferPointer(start: nil, count: 0)).hex == emptyDigest)
        #expect(SHA256.hash([UInt8]()).hex == emptyDigest)
        #expect(SHA256.hash("é") == SHA256.hash([0xc3, 0xa9]))
    }

    @Test("hash(prefix:_:) equals hashing the prefix byte and the bytes concatenated")
    func prefixEqualsConcatenation() {
        // RFC 9162's hash of an empty leaf: SHA-256(0x00).
        let emptyLeaf = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(
            SHA256.hash(prefix: 0x00, emptyLeaf).hex
                == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(SHA256.hash(prefix: 0x00, emptyLeaf) == SHA256.hash([0x00]))
        #expect(
            Array("abc".utf8).withUnsafeBytes { SHA256.hash(prefix: 0x00, $0) }.hex
                == "609f6e36d2405585188d5cfd761f407c7cc46a7d3f314c88270469dde315fcd1")
        for prefix: UInt8 in [0x00, 0x01, 0x7f, 0xff] {
            for length in [0, 1, 55, 56, 63, 64, 65, 1000] {
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(prefix)) }
                let streamed = bytes.withUnsafeBytes { SHA256.hash(prefix: prefix, $0) }
                #expect(streamed == SHA256.hash([prefix] + bytes), "prefix \(prefix) length \(length)")
            }
        }
    }

    @Test("the node form hash(prefix:left,right) equals hashing 0x01 || left || right")
    func nodeEqualsConcatenation() {
        let left = SHA256.hash([0x00])
        let right = SHA256.hash([0x00] + Array("abc".utf8))
        let node = SHA256.hash(prefix: 0x01, left, right)
        #expect(node.hex == "87c93eee22bfdd3e6dfed019ad8adc8a357e90bc6388d9ef0c2fe461e633204f")
        #expect(node == SHA256.hash([0x01] + left.bytes + right.bytes))
        #expect(node != SHA256.hash(prefix: 0x01, right, left))
        #expect(SHA256.hash(prefix: 0x02, left, right) == SHA256.hash([0x02] + left.bytes + right.bytes))
        let zero = SHA256Digest.zero
        #expect(SHA256.hash(prefix: 0x01, zero, zero) == SHA256.hash([0x01] + [UInt8](repeating: 0, count: 64)))
    }
}

@Suite("SHA256Digest")
struct SHA256DigestTests {
    @Test("init(bytes:) accepts exactly 32 bytes", arguments: [0, 1, 31, 33, 64])
    func rejectsWrongLength(count: Int) {
        let bytes = [UInt8](repeating: 7, count: count)
        #expect(throws: SodiumError.wrongLength(what: "a SHA-256 digest", expected: 32, actual: count)) {
            try SHA256Digest(bytes: bytes)
        }
    }

    @Test("32 bytes round trip through init(bytes:), bytes, withUnsafeBytes and hex")
    func roundTrip() throws {
        let bytes = (0..<32).map { UInt8($0 * 8 + 1) }
        let digest = try SHA256Digest(bytes: bytes)
        #expect(digest.bytes == bytes)
        #expect(digest.withUnsafeBytes { Array($0) } == bytes)
        #expect(digest.hex == hexString(bytes))
        #expect(digest.description == digest.hex)
        let fromSlice = try SHA256Digest(bytes: ([0xee] + bytes)[1...])
        #expect(fromSlice == digest)
        #expect(try SHA256Digest(bytes: SHA256.hash("abc").bytes) == SHA256.hash("abc"))
    }

    @Test("hex is 64 lower-case digits, most significant nibble first")
    func hexFormat() throws {
        #expect(SHA256Digest.zero.hex == String(repeating: "0", count: 64))
        #expect(SHA256Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
        let digest = try SHA256Digest(bytes: [0xab, 0x0f, 0xf0] + [UInt8](repeating: 0xff, count: 29))
        #expect(digest.hex == "ab0ff0" + String(repeating: "ff", count: 29))
        #expect(SHA256.hash("abc").hex.count == 64)
    }

    @Test("equality and hashing follow every one of the 32 bytes")
    func equalityAndHashing() throws {
        let base = SHA256.hash("abc").bytes
        let digest = try SHA256Digest(bytes: base)
        let same = try SHA256Digest(bytes: base)
        #expect(digest == same)
        #expect(digest.hashValue == same.hashValue)
        var distinct: Set<SHA256Digest> = [digest, same]
        for index in 0..<32 {
            let changed = try SHA256Digest(bytes: flippingBit(base, byte: index, bit: index % 8))
            #expect(changed != digest, "byte \(index)")
            distinct.insert(changed)
        }
        #expect(distinct.count == 33)
        #expect(SHA256.hash("") != SHA256.hash("abc"))
        #expect(SHA256Digest.zero != SHA256.hash(""))
    }

    @Test("precedes(_:) is the byte arrays' lexicographic order, in every word and at every byte")
    func ordering() throws {
        var random = SplitMix64(seed: 5)
        func randomBytes() -> [UInt8] { (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        var pairs: [([UInt8], [UInt8])] = []
        for _ in 0..<2_000 { pairs.append((randomBytes(), randomBytes())) }
        // Pairs that agree up to one byte, with the difference at each place and each way round.
        for index in 0..<32 {
            let base = randomBytes()
            var above = base
            above[index] = base[index] == 0xFF ? 0xFE : base[index] + 1
            pairs.append((base, above))
            pairs.append((above, base))
            pairs.append((base, base))
        }
        // A difference in a word's high byte outweighs the low bytes (big-endian, not host order).
        var high = [UInt8](repeating: 0, count: 32)
        high[0] = 1
        var low = [UInt8](repeating: 0xFF, count: 32)
        low[0] = 0
        pairs.append((low, high))
        for (left, right) in pairs {
            let (a, b) = (try SHA256Digest(bytes: left), try SHA256Digest(bytes: right))
            #expect(a.precedes(b) == left.lexicographicallyPrecedes(right), "\(a.hex) \(b.hex)")
        }
    }
}

/// swift-crypto computes Plenum's digests; libsodium's `crypto_hash_sha256`, called directly, is
/// the independent implementation they are compared with.
@Suite("SHA256 against libsodium")
struct SHA256DifferentialTests {
    static func libsodium(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.ensureInitialized()
        var digest = [UInt8](repeating: 0, count: 32)
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest
    }

    @Test("every length from 0 to 1,100 bytes, and 4,000 random inputs up to 5,000 bytes, hash as libsodium does")
    func agreesWithLibsodium() {
        var generator = SplitMix64(seed: 0x5AA2_5600)
        var inputs: [[UInt8]] = (0...1_100).map { length in
            (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        }
        for _ in 0..<4_000 {
            inputs.append((0..<generator.below(5_001)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        }
        var mismatches = 0
        for bytes in inputs {
            let expected = Self.libsodium(bytes)
            if SHA256.hash(bytes).bytes != expected { mismatches += 1 }
            if bytes.withUnsafeBytes({ SHA256.hash($0) }).bytes != expected { mismatches += 1 }
            if let first = bytes.first,
                bytes.dropFirst().withUnsafeBytes({ SHA256.hash(prefix: first, $0) }).bytes != expected
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Merkle nodes of 2,000 random digest pairs hash as libsodium does")
    func nodesAgreeWithLibsodium() throws {
        var generator = SplitMix64(seed: 0x5AA2_5601)
        for _ in 0..<2_000 {
            let left = try SHA256Digest(bytes: (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            let right = try SHA256Digest(bytes: (0..<32).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            let prefix = UInt8(truncatingIfNeeded: generator.next())
            #expect(
                SHA256.hash(prefix: prefix, left, right).bytes == Self.libsodium([prefix] + left.bytes + right.bytes))
        }
    }
}
