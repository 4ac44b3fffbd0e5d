/// The small integers cast-vote-record marks are coded by while they are read: a declared
/// candidate by its place in the configuration, every name and alias resolved to it.
///
/// Codes of 0 and above are candidates, ``overvote`` and ``writeIn`` the two other marks; codes at
/// or below ``firstUnknown`` are names no candidate has (see ``RCTabRawRecord``); the codes between
/// are left to the readers and the collector for their own markers.
struct RCTabCandidateCodes {
    /// The explicit overvote mark.
    static let overvote: Int32 = -1
    /// An undeclared write-in.
    static let writeIn: Int32 = -2
    /// The code of the first name no candidate has; the next ones count down from it.
    static let firstUnknown: Int32 = -16

    /// The declared candidates' names, by code.
    let names: [String]
    private let codes: [String: Int32]

    init(config: RCTabContestConfig) {
        var codes: [String: Int32] = [:]
        var names: [String] = []
        for candidate in config.candidates {
            let code = Int32(names.count)
            names.append(candidate.name)
            codes[candidate.name] = code
            for alias in candidate.aliases { codes[alias] = code }
        }
        if config.hasUndeclaredWriteIns { codes[RCTabBallot.undeclaredWriteInName] = Self.writeIn }
        self.codes = codes
        self.names = names
    }

    /// Every text that has a code: the candidates' names and aliases, and the undeclared
    /// write-in pseudo-candidate's name when the contest has undeclared write-ins.
    var texts: Dictionary<String, Int32>.Keys { codes.keys }

    /// The code of a candidate's name or alias (or the undeclared write-in name), compared as
    /// Swift strings are (canonically equivalent texts are the same name).
    func code(for name: String) -> Int32? { codes[name] }

    /// The mark a code stands for (a candidate, the overvote or a write-in).
    func mark(_ code: Int32) -> RCTabMark {
        switch code {
        case Self.overvote: .overvote
        case Self.writeIn: .undeclaredWriteIn
        default: .candidate(names[Int(code)])
        }
    }
}
