import Counting

/// A voter's position on one option in a consent round. In the count it is the stance code of
/// `ConsentDecision`: agree 0, abstain 1, object 2, block 3.
public enum ConsentStance: String, CaseIterable, Hashable, Sendable {
    case agree
    case abstain
    case object
    case block

    /// The code in a `RatingProfile` row, as `ConsentDecision` counts it.
    public var code: Int32 {
        switch self {
        case .agree: return ConsentDecision.Stance.agree.rawValue
        case .abstain: return ConsentDecision.Stance.abstain.rawValue
        case .object: return ConsentDecision.Stance.object.rawValue
        case .block: return ConsentDecision.Stance.block.rawValue
        }
    }
}
