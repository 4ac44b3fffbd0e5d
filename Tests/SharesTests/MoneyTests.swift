import Counting
import Shares
import Testing

/// Money is integers of minor units, parsed and printed exactly; numbers are exact fractions.
@Suite struct MoneyTests {
    @Test func parsesDecimalTextExactly() throws {
        #expect(try Money(parsing: "10.00", currency: Fixture.euro).units == 1000)
        #expect(try Money(parsing: "10", currency: Fixture.euro).units == 1000)
        #expect(try Money(parsing: "10.5", currency: Fixture.euro).units == 1050)
        #expect(try Money(parsing: "-0.07", currency: Fixture.euro).units == -7)
        #expect(try Money(parsing: "0", currency: Fixture.units).units == 0)
        #expect(try Money(parsing: "1234", currency: Fixture.units).units == 1234)
    }

    @Test func refusesMoreDecimalsThanTheCurrencyAndMalformedText() {
        for text in ["10.005", "1.5e2", "+3", " 1", "1,000.00", "", ".5", "5.", "--1", "0x10", "１"] {
            #expect(throws: SharesError.self, "\(text)") { try Money(parsing: text, currency: Fixture.euro) }
        }
        #expect(throws: SharesError.self) { try Money(parsing: "1.5", currency: Fixture.units) }
        #expect(throws: SharesError.self) { try Money(parsing: "99999999999999999.99", currency: Fixture.euro) }
    }

    @Test func printsWithTheCurrencysDecimals() throws {
        #expect(Fixture.eur("4.29").text == "4.29")
        #expect(Fixture.eur("-0.05").description == "-0.05 EUR")
        #expect(Money.text(units: 5, decimals: 3) == "0.005")
        #expect(Money.text(units: -1234, decimals: 0) == "-1234")
        let yen = try Currency(code: "JPY", decimals: 0)
        #expect(try Money(parsing: "1500", currency: yen).text == "1500")
    }

    @Test func currencyCodesAreCheckedButNotLookedUp() {
        #expect(throws: SharesError.self) { try Currency(code: "eur", decimals: 2) }
        #expect(throws: SharesError.self) { try Currency(code: "", decimals: 2) }
        #expect(throws: SharesError.self) { try Currency(code: "EUR", decimals: 19) }
        #expect((try? Currency(code: "PTS", decimals: 0)) != nil)
    }

    @Test func exactNumbersAreFractionsNeverFloats() throws {
        #expect(Fixture.q("1/3") == Rational(1, 3))
        #expect(Fixture.q("12.5") == Rational(25, 2))
        #expect(Fixture.q("-0.25") == Rational(-1, 4))
        #expect(Fixture.q("0.1") + Fixture.q("0.2") == Fixture.q("0.3"))
        for text in ["1e3", "1/0", "NaN", "", "1/", "1 / 3", "0.1.2"] {
            #expect(throws: SharesError.self, "\(text)") { try ExactNumber.parse(text, what: "x") }
        }
        #expect(throws: SharesError.self) { try ExactNumber.nonNegative("-1", what: "x") }
    }

    @Test func errorsHaveStableCodes() {
        #expect(SharesError.noEligibleWeight("x").code == "no_eligible_weight")
        #expect(SharesError.infeasible("x").code == "infeasible")
        #expect(SharesError.beyondLimit("x").code == "beyond_limit")
        #expect(SharesError.invalidAmount("x").description == "invalid amount: x")
    }
}
