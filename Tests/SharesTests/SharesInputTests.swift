import Counting
import Shares
import Testing

/// The input files of `plenum shares`: CSV and JSON rows, settings, and the method registry.
@Suite struct SharesInputTests {
    static func csv(_ text: String) throws -> SharesInput { try SharesInput.csv(Array(text.utf8)) }
    static func json(_ text: String) throws -> SharesInput { try SharesInput.json(Array(text.utf8)) }

    @Test func csvReadsQuotedCellsCommentsAndCRLF() throws {
        let input = try Self.csv(
            "Member,Weight\r\n# a comment\r\n\"Smith, Ann\",3\r\n\r\n\"say \"\"hi\"\"\" , 1/3\r\nbob,\n")
        #expect(
            input.rows.map(\.cells) == [
                ["member": "Smith, Ann", "weight": "3"], ["member": "say \"hi\"", "weight": "1/3"], ["member": "bob"],
            ])
        #expect(input.rows.map(\.location) == ["line 3", "line 5", "line 6"])
    }

    @Test func csvRefusesMalformedFiles() {
        for text in ["", "member,member\na,b\n", "member,weight\na\"b,1\n", "member,weight\n\"a,1\n", "a,\n1,2\n"] {
            #expect(throws: SharesError.self, "\(text)") { try Self.csv(text) }
        }
        #expect(throws: SharesError.self) { try SharesInput.csv([0x6D, 0xFF, 0x0A]) }
    }

    @Test func jsonReadsSettingsRowsAndBuckets() throws {
        let input = try Self.json(
            #"{"pot": "9.00", "currency": "EUR", "decimals": 2, "parameters": {"budget": 100, "x": true},"#
                + #" "rows": [{"Member": "a", "weight": 2}], "buckets": [{"label": "r", "payee": "r", "fixed": "1.00"}]}"#
        )
        #expect(input.pot == "9.00" && input.currency == "EUR" && input.decimals == 2)
        #expect(input.parameters == ["budget": "100", "x": "true"])
        #expect(input.rows == [SharesInput.Row(location: "rows[0]", cells: ["member": "a", "weight": "2"])])
        #expect(input.buckets.first?.cells["fixed"] == "1.00")
    }

    @Test func jsonRefusesUnknownMembersAndWrongTypes() {
        for text in [
            #"{"rows": [], "title": "x"}"#, #"{"pot": "1"}"#, #"{"rows": [1]}"#, #"{"rows": {}}"#,
            #"{"rows": [{"member": null}]}"#, #"{"decimals": 30, "rows": []}"#, #"{"rows": [], "rows": []}"#,
            #"{"rows": [{"weight": 1.5}]}"#,
        ] {
            #expect(throws: SharesError.self, "\(text)") { try Self.json(text) }
        }
    }

    /// Every method through the registry gives what the library gives.
    @Test func theRegistryRunsEachMethodOnItsColumns() throws {
        let weights = try Self.csv("member,weight\na,3\nb,3\nc,1\n")
        let proportional = try SharesMethod.named("proportional").distribute(
            SharesContext(weights, pot: "10.00", currency: "EUR"))
        #expect(Fixture.texts(proportional) == ["a": "4.29", "b": "4.28", "c": "1.43"])
        let patronage = try SharesMethod.named("patronage").distribute(
            SharesContext(weights, pot: "10.00", currency: "EUR", parameters: ["minimum-cash-percent": "50"]))
        #expect(patronage.share(of: "c")?.parts == [SharePart("cash", 72), SharePart("retained", 71)])
        let decayed = try SharesMethod.named("time-decayed").distribute(
            SharesContext(
                try Self.csv("member,period,amount\na,1,8\nb,3,4\n"), pot: "9", currency: "EUR",
                parameters: ["decay": "1/2"]))
        #expect(Fixture.texts(decayed) == ["a": "3.00", "b": "6.00"])
        let caught = try SharesMethod.named("catch-up").distribute(
            SharesContext(try Self.csv("member,weight,paid\na,1,0\nb,1,6.00\n"), pot: "10", currency: "EUR"))
        #expect(Fixture.texts(caught) == ["a": "8.00", "b": "2.00"])
        let funded = try SharesMethod.named("quadratic-funding").distribute(
            SharesContext(
                try Self.csv("contributor,project,amount\nann,x,1\nbob,x,1\ncid,x,1\ndee,x,1\n"), pot: "100",
                currency: "EUR"))
        #expect(Fixture.texts(funded) == ["x": "12.00"])
        let peer = try SharesMethod.named("peer").distribute(
            SharesContext(
                try Self.csv("from,to,points\na,b,10\nb,a,10\nc,a,10\n"), pot: "3", currency: "EUR",
                parameters: ["budget": "10", "not-receiving": "c", "not-giving": "b"]))
        // b does not give and c does not receive: a receives c's 10, b receives a's 10.
        #expect(Fixture.texts(peer) == ["a": "1.50", "b": "1.50"])
    }

    @Test func theRegistryRefusesWhatAMethodDoesNotRead() throws {
        let weights = try Self.csv("member,weight\na,3\n")
        #expect(throws: SharesError.unknownMethod("nope")) { try SharesMethod.named("nope") }
        #expect(throws: SharesError.self) {
            try SharesMethod.named("talmud").distribute(SharesContext(weights, pot: "1", currency: "EUR"))
        }
        #expect(throws: SharesError.self) {
            try SharesMethod.named("buckets").distribute(
                SharesContext(weights, pot: "1", currency: "EUR", parameters: ["rest": "shapley"]))
        }
        #expect(throws: SharesError.self) {
            try SharesMethod.named("hamilton").distribute(SharesContext(weights, pot: "1.5"))
        }
    }
}
