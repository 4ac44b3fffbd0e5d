import Audit
import Ledger
import Sodium
import Statements
import Testing

/// A ballot signed by its voter, by the right key, but for another organization: the one
/// statement check that neither the signature nor the inclusion proof gives away.
extension RecordTamperTests {
    @Test(
        "a ballot its voter signed for another organization: wrong_organization, read in place or by the parser",
        arguments: [false, true])
    func ballotForAnotherOrganization(respaced: Bool) async throws {
        let fixture = try await TamperFixture.make()
        var forgery = try Forgery(fixture)
        let leaf = try #require(forgery.ballotLeaf(by: fixture.bob))
        // Written canonically, the verifier reads the ballot straight from its entry; with a
        // space, the strict parser reads it. Both must judge it the same way.
        func signed(_ ballot: BallotCast) -> SignedStatement {
            let canonical = String(decoding: ballot.canonicalBytes, as: UTF8.self)
            var text = canonical
            if respaced {
                text = text.replacingOccurrences(of: #","round":"#, with: #", "round":"#)
                #expect(text != canonical)
            }
            return SignedStatement(signing: Array(text.utf8), as: BallotCast.kind, with: fixture.bob)
        }
        let original = try forgery.log[leaf].parse(as: BallotCast.self, parser: StrictJSONParser())
        forgery.log[leaf] = signed(original)
        #expect(fixture.codes(try forgery.record()) == [])

        var elsewhere = original
        elsewhere.header = StatementHeader(
            organization: "elsewhere", author: original.header.author, created: original.header.created,
            nonce: original.header.nonce)
        forgery.log[leaf] = signed(elsewhere)
        #expect(fixture.codes(try forgery.record()) == ["wrong_organization"])
    }
}
