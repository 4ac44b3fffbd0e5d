/// Reads PrefLib data files (the format of preflib.org since 2022, as its `FORMAT_SPECIFICATION.md`
/// in the PrefLib-Data repository defines it): ordinal `.soc`, `.soi`, `.toc`, `.toi` and
/// categorical `.cat`.
///
/// A file is a header of `# KEY: value` lines, then one line per distinct preference,
/// `count: preference`. Alternatives are numbered from 1. In an ordinal preference, commas
/// separate rank positions and `{a, b}` groups alternatives at the same position; a categorical
/// preference lists one entry per category (`{}` for an empty one, a single number or a `{...}`
/// group otherwise).
///
/// What is read, and what is checked:
/// - `DATA TYPE` decides the reading (it must agree with the extension when one is given);
///   `NUMBER ALTERNATIVES` and an `ALTERNATIVE NAME X` for each X from 1 to that number are
///   required, names non-empty and distinct; `TITLE` becomes the election's title.
/// - Ordinal files need `NUMBER VOTERS` (the counts must add up to it) and `NUMBER UNIQUE ORDERS`
///   (the number of preference lines); `.soc`/`.soi` refuse ties, `.soc`/`.toc` require every
///   alternative in every order. Ballots become a ranked profile; unranked alternatives of
///   `.soi`/`.toi` orders are unranked (not tied last).
/// - `.cat` files need `NUMBER VOTERS`, `NUMBER UNIQUE PREFERENCES`, `NUMBER CATEGORIES` and a
///   `CATEGORY NAME X` for each category; every line lists exactly that many categories. Ballots
///   become approval ballots: the alternatives in the **first** category are approved.
/// - No alternative appears twice in one line, counts are at least 1, and no preference appears
///   on two lines (the specification requires repeated preferences to be merged into a count).
/// Other header keys are allowed and ignored; header lines must all come before the data.
/// PrefLib files state no number of seats: the election has one seat.
public enum PrefLibReader {
    /// The PrefLib data types this reader reads.
    public enum DataType: String, CaseIterable, Sendable {
        case soc, soi, toc, toi, cat

        var allowsTies: Bool { self == .toc || self == .toi }
        var isComplete: Bool { self == .soc || self == .toc }
    }

    /// Reads a PrefLib file. `expected` is the type its extension names, if known; the header's
    /// `DATA TYPE` must agree with it.
    public static func read(_ text: String, expected: DataType? = nil) throws(ReaderError) -> Election {
        try ReaderText.withUTF8(text) { (bytes) throws(ReaderError) in try read(utf8: bytes, expected: expected) }
    }

    /// Reads a PrefLib file from its UTF-8 bytes (already checked to be UTF-8), line by line: each
    /// preference line goes straight into the profile, with nothing kept per line.
    static func read(utf8 bytes: UnsafeBufferPointer<UInt8>, expected: DataType?) throws(ReaderError) -> Election {
        var lines = TextLines(bytes)
        var header = Header()
        var firstData: TextLine?
        while let line = lines.nextNonBlank() {
            guard bytes[line.start] == UInt8(ascii: "#") else {
                firstData = line
                break
            }
            try header.add(lines.text(line).dropFirst(), line: line.number)
        }
        guard !header.fields.isEmpty else {
            throw ReaderError(
                .metadata, line: bytes.isEmpty ? nil : 1,
                "a PrefLib file starts with metadata lines \"# KEY: value\" (see preflib.org/format)")
        }
        let type = try header.dataType(expected: expected)
        let names = try header.alternativeNames()
        let voters = try header.count("NUMBER VOTERS")
        let unique = try header.count(type == .cat ? "NUMBER UNIQUE PREFERENCES" : "NUMBER UNIQUE ORDERS")
        let categories = type == .cat ? try header.categoryCount() : 0

        var body = Body(type: type, alternatives: names.count, categories: categories)
        if let firstData {
            body.reserve(lines: unique.value, bytes: bytes.count - firstData.start)
        }
        var next = firstData
        while let line = next {
            if bytes[line.start] == UInt8(ascii: "#") {
                throw ReaderError(.syntax, line: line.number, "metadata lines must all come before the preferences")
            }
            if let earlier = try body.add(LineScanner(line, of: lines)) {
                let first = preferenceLine(earlier, of: bytes, from: firstData!)
                throw ReaderError(
                    .syntax, line: line.number,
                    "this preference already appears on line \(first); PrefLib merges repeats into one count")
            }
            next = lines.nextNonBlank()
        }
        if body.voters != voters.value {
            throw ReaderError(
                .countMismatch, line: voters.line,
                "NUMBER VOTERS is \(voters.value) but the counts of the preference lines add up to \(body.voters)")
        }
        if body.lineCount != unique.value {
            throw ReaderError(
                .countMismatch, line: unique.line,
                "\(unique.key) is \(unique.value) but there are \(body.lineCount) preference lines")
        }
        let title = header.fields["TITLE"].map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        return Election(title: title, candidates: names, seats: 1, ballots: try body.ballots())
    }

    /// The line number of preference line `index` (0 for the first), found by reading the lines
    /// again from the first one: only a refusal needs it, so no line numbers are kept.
    static func preferenceLine(_ index: Int, of bytes: UnsafeBufferPointer<UInt8>, from first: TextLine) -> Int {
        var lines = TextLines(bytes, from: first.start, number: first.number - 1)
        var passed = 0
        while let line = lines.nextNonBlank() {
            if passed == index { return line.number }
            passed += 1
        }
        return first.number
    }
}

extension PrefLibReader {
    /// The metadata header: each key once, with its value and line.
    struct Header {
        var fields: [String: (value: String, line: Int)] = [:]

        mutating func add(_ content: Substring, line: Int) throws(ReaderError) {
            guard let colon = content.firstIndex(of: ":") else {
                throw ReaderError(.syntax, line: line, "a metadata line is \"# KEY: value\"; this one has no colon")
            }
            let key = String(content[..<colon].trimmingBlanks).uppercased()
            let value = String(content[content.index(after: colon)...].trimmingBlanks)
            guard !key.isEmpty else { throw ReaderError(.syntax, line: line, "a metadata line has an empty key") }
            if let earlier = fields[key] {
                throw ReaderError(.metadata, line: line, "\(key) is given twice (first on line \(earlier.line))")
            }
            fields[key] = (value, line)
        }

        func required(_ key: String) throws(ReaderError) -> (value: String, line: Int) {
            guard let field = fields[key] else {
                throw ReaderError(.metadata, "the header has no \"# \(key):\" line")
            }
            return field
        }

        /// A required non-negative count.
        func count(_ key: String) throws(ReaderError) -> (key: String, value: Int64, line: Int) {
            let field = try required(key)
            guard let value = Int64(field.value), value >= 0 else {
                throw ReaderError(.metadata, line: field.line, "\(key) must be a whole number, not \"\(field.value)\"")
            }
            return (key, value, field.line)
        }

        func dataType(expected: DataType?) throws(ReaderError) -> DataType {
            let field = try required("DATA TYPE")
            guard let type = DataType(rawValue: field.value.lowercased()) else {
                let known = DataType.allCases.map(\.rawValue).joined(separator: ", ")
                let code: ReaderError.Code = field.value.lowercased() == "wmd" ? .unsupported : .metadata
                throw ReaderError(
                    code, line: field.line, "DATA TYPE \"\(field.value)\" is not one this reader reads (\(known))")
            }
            if let expected, expected != type {
                throw ReaderError(
                    .metadata, line: field.line,
                    "the file is named .\(expected.rawValue) but its DATA TYPE is \(type.rawValue)")
            }
            return type
        }

        /// `ALTERNATIVE NAME 1` ... `ALTERNATIVE NAME n`, all present, non-empty and distinct.
        func alternativeNames() throws(ReaderError) -> [String] {
            let declared = try count("NUMBER ALTERNATIVES")
            let names = try numbered("ALTERNATIVE NAME ", upTo: declared, what: "alternative")
            var seen: [String: Int] = [:]
            for (index, name) in names.enumerated() {
                let line = fields["ALTERNATIVE NAME \(index + 1)"]?.line
                if let earlier = seen[name] {
                    throw ReaderError(
                        .duplicateCandidate, line: line,
                        "alternatives \(earlier + 1) and \(index + 1) are both named \"\(name)\"")
                }
                seen[name] = index
            }
            return names
        }

        func categoryCount() throws(ReaderError) -> Int {
            let declared = try count("NUMBER CATEGORIES")
            return try numbered("CATEGORY NAME ", upTo: declared, what: "category").count
        }

        /// The values of `prefix 1` ... `prefix n` where n is `declared`; each must be present,
        /// non-empty, and no other number may appear.
        private func numbered(
            _ prefix: String, upTo declared: (key: String, value: Int64, line: Int), what: String
        ) throws(ReaderError) -> [String] {
            guard declared.value >= 1 else {
                throw ReaderError(.metadata, line: declared.line, "\(declared.key) must be at least 1")
            }
            var byNumber: [Int: (value: String, line: Int)] = [:]
            for (key, field) in fields where key.hasPrefix(prefix) {
                guard let number = Int(key.dropFirst(prefix.count)), number >= 1, Int64(number) <= declared.value
                else {
                    throw ReaderError(
                        .metadata, line: field.line,
                        "\"\(key)\" does not name a \(what) from 1 to \(declared.value) (\(declared.key))")
                }
                if let earlier = byNumber[number] {
                    throw ReaderError(
                        .metadata, line: field.line, "\(what) \(number) is named twice (also line \(earlier.line))")
                }
                guard !field.value.isEmpty else {
                    throw ReaderError(.metadata, line: field.line, "\(what) \(number) has an empty name")
                }
                byNumber[number] = field
            }
            guard Int64(byNumber.count) == declared.value else {
                let missing = (1...).first { byNumber[$0] == nil }!
                throw ReaderError(
                    .countMismatch, line: declared.line,
                    "\(declared.key) is \(declared.value) but there is no \"# \(prefix)\(missing):\" line")
            }
            return (1...byNumber.count).map { byNumber[$0]!.value }
        }
    }
}
