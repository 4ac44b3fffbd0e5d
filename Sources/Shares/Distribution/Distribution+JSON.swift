import BigInt
import Counting

extension Distribution {
    /// The distribution as a JSON value: amounts as integers of minor units, exact numbers
    /// (quotas, weights, remainders) as `"n"` or `"n/d"` text, members in canonical order.
    public var json: JSONValue {
        .object([
            JSONMember("method", .string(method)),
            JSONMember("parameters", .object(parameters)),
            JSONMember(
                "currency",
                .object([
                    JSONMember("code", .string(currency.code)),
                    JSONMember("decimals", .integer(Int64(currency.decimals))),
                ])),
            JSONMember("pot", .integer(pot)),
            JSONMember("paid", .integer(paid)),
            JSONMember("unallocated", .integer(unallocated)),
            JSONMember("shares", .array(shares.map(\.json))),
            JSONMember("roundings", .array(roundings.map(\.json))),
            JSONMember("details", .object(details)),
        ])
    }

    /// Canonical JSON bytes (sorted keys, no whitespace): the one byte form of the result.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(json) }
}

extension Share {
    var json: JSONValue {
        var members = [
            JSONMember("member", .string(member)),
            JSONMember("amount", .integer(amount)),
            JSONMember("quota", quota.json),
        ]
        if !parts.isEmpty {
            members.append(
                JSONMember(
                    "parts",
                    .array(
                        parts.map {
                            .object([JSONMember("label", .string($0.label)), JSONMember("amount", .integer($0.amount))])
                        })))
        }
        return .object(members)
    }
}

extension Rounding {
    var json: JSONValue {
        var members = [
            JSONMember("label", .string(label)),
            JSONMember("total", .integer(total)),
            JSONMember(
                "lines",
                .array(
                    lines.map {
                        .object([
                            JSONMember("member", .string($0.member)),
                            JSONMember("weight", $0.weight.json),
                            JSONMember("quota", $0.quota.json),
                            JSONMember("remainder", $0.remainder.json),
                            JSONMember("amount", .integer($0.amount)),
                            JSONMember("leftover", .bool($0.leftover)),
                        ])
                    })),
            JSONMember(
                "leftovers",
                .array(
                    leftovers.map {
                        .object([
                            JSONMember("member", .string($0.member)),
                            JSONMember("remainder", $0.remainder.json),
                            JSONMember("weight", $0.weight.json),
                            JSONMember("reason", .string($0.reason.rawValue)),
                        ])
                    })),
        ]
        if let nextInLine { members.append(JSONMember("next_in_line", .string(nextInLine))) }
        return .object(members)
    }
}

extension Rational {
    /// `"n"` or `"n/d"`: exact numbers are text in JSON, never floating point.
    var json: JSONValue { .string(description) }
}

/// Helpers for the `details` of a distribution.
enum DetailJSON {
    /// An object from member to exact number.
    static func exact(_ pairs: [(String, Rational)]) -> JSONValue {
        .object(pairs.map { JSONMember($0.0, $0.1.json) })
    }

    /// An object from member to an integer of minor units.
    static func units(_ pairs: [(String, Int64)]) -> JSONValue {
        .object(pairs.map { JSONMember($0.0, .integer($0.1)) })
    }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
