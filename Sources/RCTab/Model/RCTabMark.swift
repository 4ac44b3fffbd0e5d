/// One mark at one rank of a cast-vote record, as RCTab's readers produce it.
public enum RCTabMark: Hashable, Sendable {
    /// A declared candidate, by the candidate's configured ``RCTabCandidate/name`` (aliases already
    /// resolved by the reader).
    case candidate(String)
    /// The cast-vote record's explicit overvote label (`overvoteLabel`): the voter marked several
    /// candidates at this rank and the file does not say which.
    case overvote
    /// An undeclared write-in (`undeclaredWriteInLabel`, or a blank cell when
    /// `treatBlankAsUndeclaredWriteIn` is set). It is counted as the pseudo-candidate
    /// ``RCTabBallot/undeclaredWriteInName`` and can never win.
    case undeclaredWriteIn
}
