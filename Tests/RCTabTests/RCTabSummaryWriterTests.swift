import Foundation
import RCTab
import Testing

@Suite struct RCTabSummaryWriterTests {
    @Test func decimalsAreWrittenAsJavaBigDecimalToString() {
        let cases: [(Int128, Int, String)] = [
            (5, 0, "5"), (6540000, 4, "654.0000"), (1775192, 4, "177.5192"), (2, 4, "0.0002"),
            (-15, 1, "-1.5"), (0, 4, "0.0000"), (0, 6, "0.000000"), (0, 7, "0E-7"), (0, 8, "0E-8"),
            (15, 8, "1.5E-7"), (123, 9, "1.23E-7"), (1, 6, "0.000001"), (12, 7, "0.0000012"),
            (-3, 10, "-3E-10"), (14866, 0, "14866"),
        ]
        for (unscaled, scale, text) in cases {
            #expect(JavaDecimalText.string(unscaled: unscaled, scale: scale) == text)
            let parsed = JavaDecimalText.parse(text)
            #expect(parsed?.unscaled == unscaled && parsed?.scale == scale, "\(text)")
        }
    }

    @Test func theLayoutIsJacksonsDefaultPrettyPrinterWithSortedKeys() {
        let document = RCTabJSONNode.object([
            "b": .array([.object(["z": .integer(1), "a": .object([:])]), .object(["y": .string("x\"\\\n\u{1}é")])]),
            "a": .array([]),
            "Undeclared Write-ins": .null,
            "exhausted": .string("1"),
            "B": .string("2"),
        ])
        let expected = """
            {
              "B" : "2",
              "Undeclared Write-ins" : null,
              "a" : [ ],
              "b" : [ {
                "a" : { },
                "z" : 1
              }, {
                "y" : "x\\"\\\\\\n\\u0001é"
              } ],
              "exhausted" : "1"
            }
            """
        #expect(RCTabJSONPrinter.text(document) == expected)
    }

    @Test(.enabled(if: RCTabCorpus.isPresent, "../shared/ballots/rctab is absent"))
    func everyExpectedReportIsWrittenBackByteForByte() throws {
        var checked = 0
        for contest in RCTabCorpus.contests {
            for (_, path) in RCTabCorpus.expectedReports(contest) {
                let bytes = try RCTabCorpus.bytes(path)
                let (result, settings) = try RCTabSummaryFixture.read(bytes)
                let written = RCTabSummaryWriter.text(result, settings: settings)
                // Two of RCTab's files end with a line break (edited by hand); Jackson writes none.
                var expected = String(decoding: bytes, as: UTF8.self)
                if expected.hasSuffix("\n") { expected.removeLast() }
                let matches = written == expected
                #expect(matches, "\(contest): the written summary is in \(NSTemporaryDirectory())")
                if !matches {
                    let dump = NSTemporaryDirectory() + "/rctab-written-\(contest).json"
                    _ = FileManager.default.createFile(atPath: dump, contents: Data(written.utf8))
                }
                checked += 1
            }
        }
        #expect(checked == 26)
    }

    @Test func theComparisonSeparatesValuesFromNotation() throws {
        let expected = Array(#"{"a":{"x":"654.0000","y":"2"},"b":[1,2]}"#.utf8)
        let actual = Array(#"{"a":{"x":"654","y":"3","z":"1"},"b":[1]}"#.utf8)
        let comparison = try RCTabSummaryComparison(actual: actual, expected: expected)
        #expect(comparison.notationDifferences == [#"a.x: "654", expected "654.0000""#])
        #expect(
            comparison.differences == [
                #"a.y: "3", expected "2""#, #"a.z: unexpected "1""#, "b: 1 elements, expected 2",
            ])
    }
}
