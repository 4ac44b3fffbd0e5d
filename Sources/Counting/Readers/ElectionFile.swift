/// The ballot file formats Plenum reads.
public enum BallotFileFormat: String, CaseIterable, Sendable {
    /// BLT (OpenSTV / David Hill layout), also Tideman's `.HIL` files.
    case blt
    /// PrefLib `.soc`, `.soi`, `.toc`, `.toi`, `.cat`.
    case preflib
    /// pabulib `.pb` participatory budgeting instances.
    case pabulib
    /// Debian vote tally sheets (`V: <ranks>  <hash>` per voter).
    case debian
    /// Plenum's CSV (`docs/ballot-formats.md`).
    case csv
    /// Plenum's JSON (`docs/ballot-formats.md`).
    case json

    /// The format a file name's extension suggests: `.blt`/`.hil`, `.soc`/`.soi`/`.toc`/`.toi`/
    /// `.cat`, `.pb`, `_tally.txt` (Debian), `.csv`, `.json`; nil for anything else.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix("_tally.txt") {
            self = .debian
            return
        }
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "blt", "hil": self = .blt
        case "soc", "soi", "toc", "toi", "cat": self = .preflib
        case "pb": self = .pabulib
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }
}

/// Reading a ballot file of any format into an ``Election``: the one switch over the readers.
/// The bytes are decoded as the format expects (UTF-8; BLT and Debian tally sheets fall back to
/// ISO-8859-1 when they are not UTF-8), then parsed. Nothing here does I/O: the caller reads
/// the file (the CLI's `ElectionFile.read(path:format:ballotShape:)` does).
public enum ElectionFile {
    /// Reads `bytes` in `format`. `path`, when given, refines the reading (a PrefLib file's
    /// extension must agree with its DATA TYPE); `ballotShape` is the shape a CSV file holds
    /// (CSV does not say; other formats ignore it).
    public static func read(
        _ bytes: [UInt8], format: BallotFileFormat, path: String? = nil, ballotShape: BallotShape = .ranked
    ) throws(ReaderError) -> Election {
        switch format {
        case .preflib:
            let type = path.flatMap { path in
                path.lastIndex(of: ".").flatMap {
                    PrefLibReader.DataType(rawValue: path[$0...].dropFirst().lowercased())
                }
            }
            return try ReaderText.withCheckedUTF8(bytes) { (text) throws(ReaderError) in
                try PrefLibReader.read(utf8: text, expected: type)
            }
        case .csv:
            return try ReaderText.withCheckedUTF8(bytes) { (text) throws(ReaderError) in
                try CSVBallotReader.read(utf8: text, shape: ballotShape)
            }
        case .json:
            return try JSONBallotReader.read(try ReaderText.utf8(bytes))
        case .blt:
            return try BLTReader().read(bytes)
        case .pabulib:
            return try PabulibReader().read(bytes).election
        case .debian:
            return try DebianTallyReader().read(bytes)
        }
    }

    /// The formats ``read(_:format:path:ballotShape:)`` reads in this build.
    public static let readableFormats: [BallotFileFormat] = BallotFileFormat.allCases
}
