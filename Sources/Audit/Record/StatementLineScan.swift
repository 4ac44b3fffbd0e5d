import Sodium

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A statement line read in place, without building JSON values: the leaf, the decoded log
/// entry, and where each proof hash's text lies in the line.
///
/// Records are written canonically (docs/audit-record.md), so a statement line is exactly
/// `{"entry":"…","leaf":N,"proof":["…",…],"type":"statement"}` with no whitespace. The scan
/// accepts that shape, in printable ASCII without a backslash, and nothing else; a line of any
/// other shape (valid JSON written differently, or a broken line) is left to ``RecordLine``'s
/// strict parser, which reads it the same way or says what is wrong with it. Every value the
/// scan accepts is one the parser would read identically: with no backslash and no byte outside
/// printable ASCII, each string is exactly its bytes, and the leaf has no sign, fraction or
/// leading zero. Each proof hash is a string of 43 characters (a SHA-256 digest's text length),
/// so the hashes lie at fixed steps and need no table; a line with a proof string of another
/// length is the parser's. A proof hash's characters are not checked here but where it is
/// decoded, as the parser's are.
struct StatementLineScan {
    let leaf: UInt64
    /// Where the decoded log entry (the signature, then the signed bytes) is in the buffer the
    /// scan decoded it into.
    let entry: Range<Int>
    /// How many hashes the proof has.
    let proofCount: Int
    /// Where the first proof hash's opening quote is in the line.
    private let proofStart: Int

    /// The proof's hash texts in `line`, the line this scan read: each hash is `"`, 43
    /// characters and `"`, and a comma separates them.
    func proof(in line: UnsafeBufferPointer<UInt8>) -> ProofTexts {
        ProofTexts(
            line.baseAddress.map { UnsafeRawPointer($0 + proofStart + 1) }, count: proofCount,
            stride: ProofTexts.length + 3)
    }

    private static let entryOpening = Array(#"{"entry":""#.utf8)
    private static let leafOpening = Array(#"","leaf":"#.utf8)
    private static let proofOpening = Array(#","proof":["#.utf8)
    private static let closing = Array(#"],"type":"statement"}"#.utf8)

    /// Scans `line` (without its newline), decoding its log entry onto the end of `entries` (a
    /// worker decodes a block's entries into one buffer, kept from block to block, rather than
    /// into an array each); nil, with `entries` as it was, if it is not a canonical statement
    /// line.
    init?(_ line: UnsafeBufferPointer<UInt8>, entries: inout [UInt8]) {
        // The parser's size limit, so that a line too long for it is not read here either; and
        // printable ASCII without a backslash throughout, so that every string in the line is
        // its bytes as they stand (no escapes, no control characters, nothing to validate as
        // UTF-8) and ends at the next quote. One pass the compiler vectorizes.
        guard line.count <= RecordLine.maximumLineBytes, Self.isPlainASCII(line) else { return nil }
        var position = 0
        func expect(_ literal: [UInt8]) -> Bool {
            guard line.count - position >= literal.count else { return false }
            for byte in literal {
                guard line[position] == byte else { return false }
                position += 1
            }
            return true
        }
        func expect(byte: UInt8) -> Bool {
            guard position < line.count, line[position] == byte else { return false }
            position += 1
            return true
        }
        /// Advances to the quote that ends the string starting here; the range of its text
        /// (whose characters the base64url decoder checks when it reads them).
        func stringText() -> Range<Int>? {
            let start = position
            guard start < line.count, let base = line.baseAddress,
                let quote = memchr(base + start, 0x22, line.count - start)
            else { return nil }
            position = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
            return start..<position
        }

        guard expect(Self.entryOpening) else { return nil }
        guard let entryText = stringText() else { return nil }
        guard expect(Self.leafOpening) else { return nil }
        // The leaf: 0, or a digit 1-9 then digits, within Int64 (the parser's range).
        let digitsStart = position
        var leaf: UInt64 = 0
        while position < line.count, line[position] >= 0x30, line[position] <= 0x39 {
            let (times, overflowA) = leaf.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times.addingReportingOverflow(UInt64(line[position] - 0x30))
            guard !overflowA, !overflowB, next <= UInt64(Int64.max) else { return nil }
            leaf = next
            position += 1
        }
        let digits = position - digitsStart
        guard digits > 0, digits == 1 || line[digitsStart] != 0x30 else { return nil }
        guard expect(Self.proofOpening) else { return nil }
        let proofStart = position
        var proofCount = 0
        if position < line.count, line[position] == UInt8(ascii: "\"") {
            while true {
                guard expect(byte: UInt8(ascii: "\"")) else { return nil }
                guard let text = stringText(), text.count == ProofTexts.length else { return nil }
                proofCount += 1
                guard expect(byte: UInt8(ascii: "\"")) else { return nil }
                guard position < line.count, line[position] == UInt8(ascii: ",") else { break }
                position += 1
            }
        }
        guard expect(Self.closing), position == line.count else { return nil }
        let text = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[entryText]))
        guard let count = Base64URL.decodedCount(text.count) else { return nil }
        let start = entries.count
        entries.append(contentsOf: repeatElement(0, count: count))
        let decoded = entries.withUnsafeMutableBytes {
            Base64URL.decode(text, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]))
        }
        guard decoded else {
            entries.removeSubrange(start...)
            return nil
        }
        self.leaf = leaf
        self.entry = start..<entries.count
        self.proofCount = proofCount
        self.proofStart = proofStart
    }

    /// Whether every byte of `line` is printable ASCII other than a backslash (0x20 to 0x7E).
    static func isPlainASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var outside: UInt8 = 0
        for byte in line {
            // Nonzero for a control character, DEL and above, or a backslash.
            outside |= (byte &- 0x20) & 0x80 | (byte &+ 1) & 0x80 | (byte == 0x5C ? 1 : 0)
        }
        return outside == 0
    }
}
