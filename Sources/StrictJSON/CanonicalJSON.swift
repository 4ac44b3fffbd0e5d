/// Writes a ``JSONValue`` as canonical bytes: no insignificant whitespace, object keys sorted by
/// their UTF-8 bytes, integers in shortest decimal form, strings with only the escapes JSON
/// requires (`\"`, `\\`, and `\n`, `\r`, `\t`, `\u00XX` for other control characters).
///
/// For the integer-and-string JSON that Plenum signs, this agrees with the JSON Canonicalization
/// Scheme (RFC 8785) whenever keys are ASCII and strings hold no control characters other than
/// `\n`, `\r`, `\t` (RFC 8785 writes `\b` and `\f` where this writes `\u0008` and `\u000c`).
/// Note that ``StrictJSONParser`` refuses those other control characters, so a writer of
/// statement payloads must refuse such text before signing (``containsRefusedControlCharacter``). Statements are verified over the bytes the author
/// signed, never over this output; it exists so that what Plenum itself writes and hashes
/// (payloads made by the CLI, outcomes, commitments) has one byte form.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        return out
    }

    /// The canonical bytes of an object made of `members`.
    public static func encode(_ members: [JSONMember]) -> [UInt8] {
        encode(.object(members))
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Whether `text` holds a control character the strict parser refuses in payloads (anything
    /// below U+0020 but `\n`, `\r`, `\t`, and U+007F).
    public static func containsRefusedControlCharacter(_ text: String) -> Bool {
        text.utf8.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09) || $0 == 0x7F }
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
