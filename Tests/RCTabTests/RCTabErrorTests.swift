import RCTab
import Testing

@Suite struct RCTabErrorTests {
    @Test func theLocationPrefixesTheMessage() {
        #expect(
            RCTabError("bad_rule", at: "config.json: rules.tiebreakMode", "unknown mode").description
                == "config.json: rules.tiebreakMode: unknown mode")
        #expect(RCTabError("bad_rule", "unknown mode").description == "unknown mode")
    }
}
