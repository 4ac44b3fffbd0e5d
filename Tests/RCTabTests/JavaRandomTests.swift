import Testing

@testable import RCTab

/// Reference values printed by OpenJDK's `java.util.Random`, `Collections.shuffle` and `HashSet`.
@Suite struct JavaRandomTests {
    @Test func nextIntMatchesJava() {
        var random = JavaRandom(seed: 42)
        #expect(random.nextInt() == -1_170_105_035)
        #expect(random.nextInt() == 234_785_527)
        var extreme = JavaRandom(seed: -140_737_488_355_328)
        #expect(extreme.nextInt() == 991_999_072)
        #expect(extreme.nextDouble() == 0.3314409962376418)
    }

    @Test func nextDoubleMatchesJava() {
        var zero = JavaRandom(seed: 0)
        #expect(zero.nextDouble() == 0.730967787376657)
        var one = JavaRandom(seed: 1)
        #expect(one.nextDouble() == 0.7308781907032909)
        #expect(one.nextDouble() == 0.41008081149220166)
    }

    @Test func boundedNextIntMatchesJava() {
        var random = JavaRandom(seed: 12345)
        #expect(random.nextInt(bound: 7) == 5)
        #expect(random.nextInt(bound: 16) == 8)
        #expect(random.nextInt(bound: 1_000_000_007) == 969_488_821)
        #expect(random.nextDouble() == 0.8330913489710237)
    }

    @Test func shuffleMatchesCollectionsShuffle() {
        var random = JavaRandom(seed: 7)
        var list = ["A", "B", "C", "D", "E", "F", "G"]
        random.shuffle(&list)
        #expect(list == ["F", "G", "B", "E", "A", "C", "D"])
    }

    @Test func hashSetIterationOrderMatchesJava() {
        #expect(JavaHashOrder.stringHash("Mookie Blaylock") == 1_495_182_067)
        let inserted = [
            "TROY BENJEGERDES", "TONY LANE", "Betsy", "Undeclared Write-ins", "A", "Zeta",
            "Mookie Blaylock", "Yinka Dare", "George Gervin",
        ]
        let order = JavaHashOrder.iterationOrder(inserted, name: { $0 })
        #expect(
            order == [
                "A", "Zeta", "Yinka Dare", "Undeclared Write-ins", "Betsy", "George Gervin", "TONY LANE",
                "Mookie Blaylock", "TROY BENJEGERDES",
            ])
    }
}
