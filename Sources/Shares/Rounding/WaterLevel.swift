import Counting

/// One member's amount as a function of a common level `λ`:
/// `amount(λ) = clamp(λ · weight + offset, lower, upper)` (no upper bound when `upper` is nil).
struct LevelTerm {
    var member: String
    var weight: Rational
    var offset: Rational = .zero
    var lower: Rational = .zero
    var upper: Rational?
}

/// One round of repeated water-filling: the level computed for the members still free, and who
/// was then fixed at their upper or lower bound.
public struct WaterRound: Hashable, Sendable {
    /// The level `λ` that shares what is left among the free members.
    public let level: Rational
    /// Members fixed at their upper bound (cap) this round.
    public let capped: [String]
    /// Members fixed at their lower bound (floor) this round.
    public let floored: [String]
}

/// The exact solution: each member's amount (in the terms' order), the final level (nil when no
/// member was left free), and the rounds that found it.
struct LevelSolution {
    var amounts: [Rational]
    var level: Rational?
    var rounds: [WaterRound]
}

/// Repeated water-filling: finds the level `λ` with `Σ clamp(λ·w_i + b_i, lo_i, hi_i) = total`
/// exactly, never by a single pass that pushes someone over a bound.
///
/// Members with zero weight are fixed at `clamp(b_i, lo_i, hi_i)`. Then, each round, the level of
/// the free members is `λ = (total − fixed − Σ b) / Σ w`; if some free members overflow their
/// upper bound by `E` in all and others fall short of their lower bound by `D`, those overflowing
/// are fixed at their upper bound when `E ≥ D` (the final level can only be higher), otherwise
/// those falling short are fixed at their lower bound (it can only be lower). Each round fixes at
/// least one member, so there are at most as many rounds as members.
enum WaterLevel {
    static func solve(_ terms: [LevelTerm], total: Rational, what: String) throws(SharesError) -> LevelSolution {
        var amounts = [Rational?](repeating: nil, count: terms.count)
        var lowerSum = Rational.zero
        var upperSum: Rational? = .zero
        for (index, term) in terms.enumerated() {
            if let upper = term.upper, upper < term.lower {
                throw .infeasible("the floor of \(term.member) is above its cap")
            }
            if term.weight.isZero {
                let value = clamp(term.offset, term)
                amounts[index] = value
                lowerSum += value
                upperSum = upperSum.map { $0 + value }
            } else {
                lowerSum += term.lower
                upperSum = term.upper.flatMap { upper in upperSum.map { $0 + upper } }
            }
        }
        guard lowerSum <= total else {
            throw .infeasible("the floors of \(what) add up to more than \(total)")
        }
        if let upperSum, upperSum < total {
            throw .infeasible("the caps of \(what) add up to less than \(total)")
        }
        var rounds: [WaterRound] = []
        var level: Rational?
        while true {
            let free = terms.indices.filter { amounts[$0] == nil }
            guard !free.isEmpty else { break }
            let fixed = amounts.reduce(Rational.zero) { $0 + ($1 ?? .zero) }
            let weight = free.reduce(Rational.zero) { $0 + terms[$1].weight }
            let offsets = free.reduce(Rational.zero) { $0 + terms[$1].offset }
            let current = (total - fixed - offsets) / weight
            level = current
            var over: [Int] = []
            var under: [Int] = []
            var excess = Rational.zero
            var deficit = Rational.zero
            for index in free {
                let value = current * terms[index].weight + terms[index].offset
                if let upper = terms[index].upper, value > upper {
                    over.append(index)
                    excess += value - upper
                } else if value < terms[index].lower {
                    under.append(index)
                    deficit += terms[index].lower - value
                }
            }
            if over.isEmpty && under.isEmpty {
                for index in free { amounts[index] = current * terms[index].weight + terms[index].offset }
                rounds.append(WaterRound(level: current, capped: [], floored: []))
                break
            }
            if !over.isEmpty && excess >= deficit {
                for index in over { amounts[index] = terms[index].upper }
                rounds.append(WaterRound(level: current, capped: over.map { terms[$0].member }, floored: []))
            } else {
                for index in under { amounts[index] = terms[index].lower }
                rounds.append(WaterRound(level: current, capped: [], floored: under.map { terms[$0].member }))
            }
        }
        let solved = amounts.map { $0 ?? .zero }
        guard solved.reduce(Rational.zero, +) == total else {
            throw .infeasible("the bounds of \(what) leave no way to share exactly \(total)")
        }
        return LevelSolution(amounts: solved, level: level, rounds: rounds)
    }

    private static func clamp(_ value: Rational, _ term: LevelTerm) -> Rational {
        if let upper = term.upper, value > upper { return upper }
        return value < term.lower ? term.lower : value
    }
}

extension WaterRound {
    var json: JSONValue {
        .object([
            JSONMember("level", level.json),
            JSONMember("capped", DetailJSON.strings(capped)),
            JSONMember("floored", DetailJSON.strings(floored)),
        ])
    }
}
