import StrictJSON

/// Reads the `candidates` array of an RCTab contest configuration.
enum RCTabCandidateReader {
    /// Names the summary uses for other things, which no candidate may take.
    static let reservedNames = ["exhausted", "residual surplus", RCTabBallot.undeclaredWriteInName]

    static func candidates(_ elements: [JSONValue], file: String) throws(RCTabError) -> [RCTabCandidate] {
        var candidates: [RCTabCandidate] = []
        var seen: Set<String> = []
        for (index, element) in elements.enumerated() {
            var object = try RCTabConfigObject(element, at: "\(file): candidates[\(index)]")
            guard let name = try object.nonBlank("name") else {
                throw RCTabError("config_value", at: "\(object.location).name", "every candidate needs a name")
            }
            let code = try object.nonBlank("code")
            var aliases: [String] = []
            for (aliasIndex, alias) in try object.array("aliases").enumerated() {
                guard case .string(let text) = alias else {
                    throw RCTabError(
                        "config_type", at: "\(object.location).aliases[\(aliasIndex)]", "an alias must be a string")
                }
                let trimmed = text.trimmingJavaWhitespace()
                if !trimmed.isEmpty { aliases.append(trimmed) }
            }
            let excluded = try object.bool("excluded")
            try object.requireAllRead()
            for spelling in [name] + aliases {
                if reservedNames.contains(where: { $0.lowercased() == spelling.lowercased() }) {
                    throw RCTabError(
                        "config_value", at: object.location, "\"\(spelling)\" is reserved and can't name a candidate")
                }
                guard seen.insert(spelling).inserted else {
                    throw RCTabError(
                        "config_value", at: object.location, "\"\(spelling)\" names more than one candidate")
                }
            }
            candidates.append(RCTabCandidate(name: name, code: code, aliases: aliases, excluded: excluded))
        }
        guard !candidates.isEmpty else {
            throw RCTabError("config_value", at: "\(file): candidates", "there must be at least one candidate")
        }
        guard candidates.contains(where: { !$0.excluded }) else {
            throw RCTabError("config_value", at: "\(file): candidates", "every candidate is excluded")
        }
        return candidates
    }
}
