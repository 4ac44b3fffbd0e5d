/// Writes an ``RCTabJSONNode`` exactly as RCTab writes its summary JSON: Jackson's default pretty
/// printer with map keys sorted.
///
/// The layout: an object opens with `{`, each member on its own line indented two spaces per
/// enclosing object, `"key" : value`, members separated by `,`, and the closing `}` on its own
/// line at the object's indentation; an empty object is `{ }`. Arrays stay on the line they
/// start: `[ a, b ]`, objects inside them continuing at the array's indentation (`[ {` ...
/// `}, {` ... `} ]`); an empty array is `[ ]`. There is no newline after the last `}`. Strings
/// escape `"` and `\`, and control characters as `\b \t \n \f \r` or `\u00XX` (upper-case hex);
/// everything else is written as UTF-8.
public enum RCTabJSONPrinter {
    /// The document's text.
    public static func text(_ node: RCTabJSONNode) -> String {
        var output = ""
        write(node, level: 0, into: &output)
        return output
    }

    private static func write(_ node: RCTabJSONNode, level: Int, into output: inout String) {
        switch node {
        case .object(let members):
            guard !members.isEmpty else {
                output += "{ }"
                return
            }
            output += "{"
            let keys = members.keys.sorted(by: RCTabJSONNode.javaOrdered)
            for (index, key) in keys.enumerated() {
                if index > 0 { output += "," }
                output += "\n"
                output += String(repeating: "  ", count: level + 1)
                writeString(key, into: &output)
                output += " : "
                write(members[key]!, level: level + 1, into: &output)
            }
            output += "\n"
            output += String(repeating: "  ", count: level)
            output += "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[ ]"
                return
            }
            output += "[ "
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                write(element, level: level, into: &output)
            }
            output += " ]"
        case .string(let text):
            writeString(text, into: &output)
        case .integer(let value):
            output += String(value)
        case .null:
            output += "null"
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{09}": output += "\\t"
            case "\u{0A}": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\u{0D}": output += "\\r"
            case _ where scalar.value < 0x20:
                output += "\\u00"
                output.append(hexDigits[Int(scalar.value >> 4)])
                output.append(hexDigits[Int(scalar.value & 0xF)])
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
