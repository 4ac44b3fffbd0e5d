/// Well-formed UTF-8 as RFC 3629 (and Unicode's Table 3-7) defines it: no overlong forms, no
/// encoded surrogates, nothing above U+10FFFF, no truncated sequences. The one check that the
/// payload parser and every ballot-file reader share.
public enum UTF8Validation {
    /// The offset of the first byte from `start` that does not begin (or continue) a well-formed
    /// sequence, or nil if all of `bytes[start...]` is well formed. ASCII runs are skipped eight
    /// bytes at a time.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let words = UnsafeRawBufferPointer(bytes)
        var index = start
        let count = bytes.count
        while index < count {
            while index + 8 <= count
                && words.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            guard bytes[index + 1] >= lower && bytes[index + 1] <= upper else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// The offset of the first ill-formed byte of `bytes` from `start`, if any.
    public static func firstInvalidOffset(in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0, from: start) }
    }
}
