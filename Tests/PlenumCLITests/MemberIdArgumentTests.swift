import ArgumentParser
import Testing

@testable import PlenumCLI

/// Member ids and invitation secrets are base64url, whose alphabet includes "-": one id in 64
/// starts with it, and the parser must not take such an id for a flag.
@Suite("Ids that start with a dash")
struct MemberIdArgumentTests {
    static let id = "-Kv0Vx6W3QbWk2QGmKjE3sYbcxqM6m0nH3JgU1z8y5g"

    @Test("members suspend, reinstate, roles and weight take --member verbatim")
    func memberCommands() throws {
        let suspend = try #require(
            try PlenumCommand.parseAsRoot(["members", "suspend", "--member", Self.id, "--reason", "away"])
                as? MembersCommand.Suspend)
        #expect(suspend.member == Self.id && suspend.reason == "away")
        let reinstate = try #require(
            try PlenumCommand.parseAsRoot(["members", "reinstate", "--member", Self.id]) as? MembersCommand.Reinstate)
        #expect(reinstate.member == Self.id)
        let roles = try #require(
            try PlenumCommand.parseAsRoot(["members", "roles", "--member", Self.id, "--role", "steward"])
                as? MembersCommand.Roles)
        #expect(roles.member == Self.id && roles.role == [.steward])
        let weight = try #require(
            try PlenumCommand.parseAsRoot(["members", "weight", "--member", Self.id, "--weight", "3"])
                as? MembersCommand.Weight)
        #expect(weight.member == Self.id && weight.weight == 3)
    }

    @Test("pool contribute --member and pool allocate --give take ids verbatim")
    func poolCommands() throws {
        let pool = String(repeating: "ab", count: 32)
        let contribute = try #require(
            try PlenumCommand.parseAsRoot(["pool", "contribute", pool, "--amount", "2", "--member", Self.id])
                as? PoolCommand.Contribute)
        #expect(contribute.member == Self.id)
        let allocate = try #require(
            try PlenumCommand.parseAsRoot(["pool", "allocate", pool, "--give", "\(Self.id)=5", "--give", "Zm9v=1"])
                as? PoolCommand.Allocate)
        #expect(allocate.give == ["\(Self.id)=5", "Zm9v=1"])
    }

    @Test("join --secret takes a secret verbatim")
    func join() throws {
        let join = try #require(
            try PlenumCommand.parseAsRoot(["join", "--secret", Self.id, "--name", "Ann"]) as? JoinCommand)
        #expect(join.secret == Self.id)
    }
}
