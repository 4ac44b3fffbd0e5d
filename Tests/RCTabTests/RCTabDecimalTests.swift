import Testing

@testable import RCTab

@Suite struct RCTabDecimalTests {
    @Test func parsesAndPrintsWithScale() throws {
        let value = try #require(RCTabDecimal("654.0000"))
        #expect(value.description == "654.0000")
        #expect(value == RCTabDecimal(654))
        #expect(!value.isIdentical(to: RCTabDecimal(654)))
        #expect(value.strippingTrailingZeros.description == "654")
        #expect(RCTabDecimal("-0.05")?.description == "-0.05")
        #expect(RCTabDecimal("abc") == nil)
        #expect(RCTabDecimal(".") == nil)
    }

    @Test func arithmeticFollowsBigDecimalScales() throws {
        let a = try #require(RCTabDecimal("1.5"))
        let b = try #require(RCTabDecimal("2.25"))
        #expect((a + b).description == "3.75")
        #expect((a * b).description == "3.375")
        #expect((RCTabDecimal(10) - b).description == "7.75")
    }

    @Test func divisionRounds() {
        let ten = RCTabDecimal(10)
        let three = RCTabDecimal(3)
        #expect(ten.divided(by: three, scale: 4, .down).description == "3.3333")
        #expect(ten.divided(by: three, scale: 4, .up).description == "3.3334")
        #expect(RCTabDecimal(2).divided(by: three, scale: 4, .halfUp).description == "0.6667")
        #expect(RCTabDecimal(-10).divided(by: three, scale: 0, .floor).description == "-4")
        #expect(RCTabDecimal(27).divided(by: RCTabDecimal(4), scale: 1, .halfUp).description == "6.8")
        #expect(RCTabDecimal(9).divided(by: RCTabDecimal(4), scale: 4, .down).description == "2.2500")
    }
}
