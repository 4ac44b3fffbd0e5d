import Foundation
import RCTab

/// The 26 RCTab test contests in `../shared/ballots/rctab/` (beside the package): each folder
/// holds a `*_config.json`, its cast-vote records and RCTab's `*_expected_detailed_report.json`
/// (`*_1_expected_...` for a sequential contest's first pass).
enum RCTabCorpus {
    static let root: String = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent("../shared/ballots/rctab").standardized.path
    }()

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root) }

    /// The contest folders, sorted.
    static var contests: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
            FileManager.default.fileExists(atPath: "\(root)/\($0)/\($0)_config.json")
        }.sorted()
    }

    static func configPath(_ contest: String) -> String { "\(root)/\(contest)/\(contest)_config.json" }

    /// The expected summaries of a contest: pass number (nil for a single count) and path.
    static func expectedReports(_ contest: String) -> [(pass: Int?, path: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(contest)")) ?? [])
            .filter { $0.hasSuffix("_expected_detailed_report.json") }.sorted()
        return names.map { name in
            let stem = name.dropLast("_expected_detailed_report.json".count)
            let pass = stem.split(separator: "_").last.flatMap { Int($0) }
            return (stem.hasPrefix(contest + "_") && pass != nil ? pass : nil, "\(root)/\(contest)/\(name)")
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RCTabError("test_missing", at: path, "no such file")
        }
        return [UInt8](data)
    }

    /// The file reader the library's CVR reader is given.
    static func readFile(_ path: String) throws -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func config(_ contest: String) throws -> RCTabContestConfig {
        let path = configPath(contest)
        return try RCTabConfigReader.parse(try bytes(path), path: path)
    }
}
