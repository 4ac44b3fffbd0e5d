import Sodium
import Testing

/// A byte string and its one unpadded base64url text.
struct Base64Pair: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let text: String

    var testDescription: String { "\(bytes) <-> \"\(text)\"" }
}

/// RFC 4648 section 10's vectors, with the padding dropped (section 5 alphabet, unpadded), plus
/// bytes that exercise the two characters where base64url differs from base64.
let base64Pairs: [Base64Pair] = [
    Base64Pair(bytes: Array("".utf8), text: ""),
    Base64Pair(bytes: Array("f".utf8), text: "Zg"),
    Base64Pair(bytes: Array("fo".utf8), text: "Zm8"),
    Base64Pair(bytes: Array("foo".utf8), text: "Zm9v"),
    Base64Pair(bytes: Array("foob".utf8), text: "Zm9vYg"),
    Base64Pair(bytes: Array("fooba".utf8), text: "Zm9vYmE"),
    Base64Pair(bytes: Array("foobar".utf8), text: "Zm9vYmFy"),
    Base64Pair(bytes: [0xfb, 0xff], text: "-_8"),
    Base64Pair(bytes: [0xfb, 0xef, 0xbe], text: "----"),
    Base64Pair(bytes: [0xff, 0xff, 0xff], text: "____"),
    Base64Pair(bytes: [0x00], text: "AA"),
    Base64Pair(bytes: [0x00, 0x00, 0x00], text: "AAAA"),
]

/// Text the strict decoder must refuse, with why.
struct RejectedText: Sendable, CustomTestStringConvertible {
    let reason: String
    let text: String

    var testDescription: String { "\(reason): \"\(text)\"" }
}

let rejectedTexts: [RejectedText] = [
    RejectedText(reason: "padding", text: "Zg=="),
    RejectedText(reason: "single padding", text: "Zm8="),
    RejectedText(reason: "padding on a full quantum", text: "Zm9v===="),
    RejectedText(reason: "standard alphabet '+'", text: "+_8"),
    RejectedText(reason: "standard alphabet '/'", text: "-/8"),
    RejectedText(reason: "standard alphabet both", text: "+/8"),
    RejectedText(reason: "inner space", text: "Zm9v Yg"),
    RejectedText(reason: "leading space", text: " Zm9v"),
    RejectedText(reason: "trailing newline", text: "Zm9v\n"),
    RejectedText(reason: "tab", text: "Zm\t9v"),
    RejectedText(reason: "CRLF", text: "Zm9v\r\nYg"),
    RejectedText(reason: "non-zero trailing bits, 1 byte", text: "Zh"),
    RejectedText(reason: "non-zero trailing bits, 2 bytes", text: "Zm9"),
    RejectedText(reason: "non-zero trailing bits in '-_'", text: "-_-"),
    RejectedText(reason: "invalid length 1", text: "Z"),
    RejectedText(reason: "invalid length 5", text: "Zm9vY"),
    RejectedText(reason: "non-ASCII", text: "Zm9é"),
    RejectedText(reason: "NUL", text: "Zm\u{0}v"),
    RejectedText(reason: "dot", text: "Zm9.Yg"),
]

@Suite("Base64URL")
struct Base64URLTests {
    @Test("encodes the RFC 4648 vectors unpadded in the url-safe alphabet", arguments: base64Pairs)
    func encodes(pair: Base64Pair) {
        #expect(Base64URL.encode(pair.bytes) == pair.text)
    }

    @Test("decodes the RFC 4648 vectors", arguments: base64Pairs)
    func decodes(pair: Base64Pair) throws {
        #expect(try Base64URL.decode(pair.text) == pair.bytes)
    }

    @Test("refuses non-canonical or foreign text with .invalidBase64URL", arguments: rejectedTexts)
    func rejects(text: RejectedText) {
        #expect(throws: SodiumError.invalidBase64URL) { try Base64URL.decode(text.text) }
    }

    @Test("encodes any collection of bytes, not just arrays")
    func encodesCollections() {
        let bytes = Array("foobar".utf8)
        #expect(Base64URL.encode(bytes[1...3]) == "b29i")
        #expect(Base64URL.encode("fo".utf8) == "Zm8")
        #expect(Base64URL.encode(EmptyCollection<UInt8>()) == "")
    }

    @Test("every byte string of length 0 through 70 round trips, with the unpadded length")
    func roundTripsEveryLength() throws {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            let text = Base64URL.encode(bytes)
            #expect(text.count == (length * 4 + 2) / 3, "length \(length)")
            #expect(text.utf8.allSatisfy { $0 != UInt8(ascii: "=") })
            #expect(try Base64URL.decode(text) == bytes, "length \(length)")
        }
    }

    @Test("all 256 byte values round trip and use only the url-safe alphabet")
    func allByteValues() throws {
        let bytes = (0...255).map(UInt8.init)
        let text = Base64URL.encode(bytes)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(text.allSatisfy(alphabet.contains))
        #expect(try Base64URL.decode(text) == bytes)
        for byte in bytes {
            #expect(try Base64URL.decode(Base64URL.encode([byte])) == [byte])
        }
    }

    @Test("each one-byte value has exactly one accepted two-character text")
    func oneTextPerByte() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var accepted = 0
        for first in alphabet {
            for second in alphabet {
                if (try? Base64URL.decode(String([first, second]))) != nil { accepted += 1 }
            }
        }
        // 64 * 64 candidate texts, of which only those with zero trailing bits decode: one per byte.
        #expect(accepted == 256)
    }

    @Test("libsodium's constant-time codec (for secrets) agrees on the vectors", arguments: base64Pairs)
    func secretCodec(pair: Base64Pair) throws {
        #expect(Base64URL.encodeSecret(pair.bytes) == pair.text)
        #expect(try Base64URL.decodeSecret(pair.text) == pair.bytes)
    }

    @Test("libsodium's constant-time decoder refuses the same texts", arguments: rejectedTexts)
    func secretRejects(text: RejectedText) {
        #expect(throws: SodiumError.invalidBase64URL) { try Base64URL.decodeSecret(text.text) }
    }

    @Test("the table codec and libsodium's agree on 20,000 random byte strings and texts")
    func agreesWithLibsodium() {
        // Deterministic bytes: SHA-256 in counter mode.
        var counter = 0
        var pool: [UInt8] = []
        func next() -> UInt64 {
            if pool.count < 8 {
                pool += SHA256.hash("base64url-\(counter)").bytes
                counter += 1
            }
            defer { pool.removeFirst(8) }
            return pool.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }
        for _ in 0..<10_000 {
            let bytes = (0..<Int(next() % 80)).map { _ in UInt8(truncatingIfNeeded: next()) }
            #expect(Base64URL.encode(bytes) == Base64URL.encodeSecret(bytes))
        }
        // Texts mostly from the alphabet, sometimes with a foreign byte, of every length mod 4.
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        let foreign = Array("=+/ .\n\u{0}~".utf8) + [0x80, 0xC3, 0xFF]
        var accepted = 0
        for _ in 0..<10_000 {
            let length = Int(next() % 24)
            var text = (0..<length).map { _ in characters[Int(next() % 64)] }
            if length > 0, next() % 8 == 0 {
                text[Int(next() % UInt64(length))] = foreign[Int(next() % UInt64(foreign.count))]
            }
            let fast = text.withUnsafeBytes { Base64URL.decode($0) }
            let secret = try? Base64URL.decodeSecret(String(decoding: text, as: UTF8.self))
            if text.allSatisfy({ $0 < 0x80 }) {
                #expect(fast == secret, "\(text)")
            } else {
                #expect(fast == nil, "\(text)")
            }
            if fast != nil { accepted += 1 }
        }
        // Both outcomes were exercised.
        #expect(accepted > 1_000 && accepted < 9_000)
    }

    @Test("decoding into part of a larger buffer writes exactly that part, for texts of 0 to 600 characters")
    func decodesWithinItsOutput() throws {
        // Deterministic bytes: SHA-256 in counter mode, as long as a statement's log entry.
        var source: [UInt8] = []
        var counter = 0
        while source.count < 450 {
            source += SHA256.hash("base64url-bounds-\(counter)").bytes
            counter += 1
        }
        for length in 0...450 {
            let bytes = Array(source.prefix(length))
            let text = Array(Base64URL.encode(bytes).utf8)
            // The output sits between guard bytes that a store past either end would change.
            var buffer = [UInt8](repeating: 0xA5, count: length + 16)
            let decoded = text.withUnsafeBytes { text in
                buffer.withUnsafeMutableBytes {
                    Base64URL.decode(text, into: UnsafeMutableRawBufferPointer(rebasing: $0[8..<(8 + length)]))
                }
            }
            #expect(decoded)
            #expect(Array(buffer[8..<(8 + length)]) == bytes)
            #expect(
                buffer.prefix(8).allSatisfy { $0 == 0xA5 } && buffer.suffix(8).allSatisfy { $0 == 0xA5 }, "\(length)")
            // A foreign character in any group, the first, a middle or the last, is refused.
            for place in Set([0, text.count / 2, text.count - 1]) where !text.isEmpty {
                var foreign = text
                foreign[place] = UInt8(ascii: "=")
                #expect(foreign.withUnsafeBytes { Base64URL.decode($0) } == nil, "\(length) \(place)")
            }
        }
    }

    @Test(
        "decoding into a buffer needs exactly the decoded length, and a digest decodes straight from its 43 characters")
    func decodesIntoBuffers() throws {
        #expect(Base64URL.decodedCount(0) == 0 && Base64URL.decodedCount(1) == nil)
        #expect(Base64URL.decodedCount(2) == 1 && Base64URL.decodedCount(3) == 2 && Base64URL.decodedCount(43) == 32)
        let bytes = (0..<32).map { UInt8($0 * 7 + 3) }
        let text = Array(Base64URL.encode(bytes).utf8)
        for capacity in [31, 32, 33] {
            var output = [UInt8](repeating: 0, count: capacity)
            let decoded = text.withUnsafeBytes { text in
                output.withUnsafeMutableBytes { Base64URL.decode(text, into: $0) }
            }
            #expect(decoded == (capacity == 32))
            if decoded { #expect(output == bytes) }
        }
        let digest = try #require(text.withUnsafeBytes { SHA256Digest(base64URL: $0) })
        #expect(digest == (try SHA256Digest(bytes: bytes)))
        // Text that is not a digest's: a foreign character, non-zero trailing bits, other lengths.
        var foreign = text
        foreign[5] = UInt8(ascii: "+")
        var trailing = text
        trailing[42] = UInt8(ascii: "B")
        for other in [foreign, trailing, Array(text.dropLast()), text + [UInt8(ascii: "A")], []] {
            #expect(other.withUnsafeBytes { SHA256Digest(base64URL: $0) } == nil)
        }
    }

    @Test("base64url order from the bytes is the order of the encoded texts, at every length and differing bit")
    func orderOfTexts() {
        // Deterministic pairs: SHA-256 in counter mode; the second input is the first with one
        // bit (or a run of bytes) changed, so that every group position decides some pair.
        for counter in 0..<20_000 {
            let digest = SHA256.hash("order-\(counter)").bytes
            let length = 1 + Int(digest[0]) % 40
            let left = (0..<length).map { digest[($0 + 1) % 32] &+ UInt8(truncatingIfNeeded: $0 &* 37) }
            var right = left
            let bit = Int(digest[31]) % (length * 8)
            right[bit / 8] ^= 0x80 >> UInt8(bit % 8)
            if counter % 4 == 0 { right = (0..<length).map { digest[($0 + 7) % 32] } }
            if counter % 97 == 0 { right = left }
            let expected = Base64URL.encode(left).utf8.lexicographicallyPrecedes(Base64URL.encode(right).utf8)
            let found = left.withUnsafeBytes { l in right.withUnsafeBytes { r in Base64URL.precedes(l, r) } }
            #expect(found == expected, "\(left) vs \(right)")
            let reverse = right.withUnsafeBytes { r in left.withUnsafeBytes { l in Base64URL.precedes(r, l) } }
            #expect(reverse == (left != right && !expected))
        }
        // The alphabet's own order: '-' < '0' < 'A' < '_' < 'a' in ASCII, 62, 52, 0, 63, 26 in value.
        let values: [UInt8] = [62, 52, 0, 63, 26]
        for (smaller, larger) in zip(values, values.dropFirst()) {
            let left = [smaller << 2]
            let right = [larger << 2]
            #expect(left.withUnsafeBytes { l in right.withUnsafeBytes { r in Base64URL.precedes(l, r) } })
        }
    }
}
