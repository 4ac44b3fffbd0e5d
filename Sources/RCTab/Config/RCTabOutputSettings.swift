/// The `outputSettings` of an RCTab contest configuration: what the summary's `config` block
/// reports, and which extra outputs RCTab would write.
public struct RCTabOutputSettings: Hashable, Sendable {
    /// `contestName` (required).
    public var contestName: String
    /// `contestDate` (`nil` when the configuration leaves it out).
    public var contestDate: String?
    /// `contestJurisdiction` (`nil` when the configuration leaves it out).
    public var contestJurisdiction: String?
    /// `contestOffice` (`nil` when the configuration leaves it out).
    public var contestOffice: String?
    /// `outputDirectory`, as written (relative paths are relative to the configuration's folder).
    public var outputDirectory: String?
    /// `tabulateByPrecinct`: RCTab also writes one summary per precinct.
    public var tabulateByPrecinct: Bool
    /// `tabulateByBatch`: RCTab also writes one summary per batch.
    public var tabulateByBatch: Bool
    /// `generateCdfJson`: RCTab also writes the cast-vote records in NIST's Common Data Format.
    public var generateCdfJson: Bool

    public init(
        contestName: String, contestDate: String? = nil, contestJurisdiction: String? = nil,
        contestOffice: String? = nil, outputDirectory: String? = nil, tabulateByPrecinct: Bool = false,
        tabulateByBatch: Bool = false, generateCdfJson: Bool = false
    ) {
        self.contestName = contestName
        self.contestDate = contestDate
        self.contestJurisdiction = contestJurisdiction
        self.contestOffice = contestOffice
        self.outputDirectory = outputDirectory
        self.tabulateByPrecinct = tabulateByPrecinct
        self.tabulateByBatch = tabulateByBatch
        self.generateCdfJson = generateCdfJson
    }
}
