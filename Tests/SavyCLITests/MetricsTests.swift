@testable import SavyCLI
import Testing

@Suite("Metrics")
struct MetricsTests {
    @Test func pearsonOfAHandComputedExample() throws {
        // x and y both have mean 2.5; Σdxdy = 4, Σdx² = Σdy² = 5, so r = 4/5.
        let r = try #require(Metrics.pearson([1, 2, 3, 4], [1, 3, 2, 4]))
        #expect(abs(r - 0.8) < 1e-12)
    }

    @Test func pearsonOfExactLinesIsOneOrMinusOne() throws {
        #expect(abs(try #require(Metrics.pearson([1, 2, 3], [10, 20, 30])) - 1) < 1e-12)
        #expect(abs(try #require(Metrics.pearson([1, 2, 3], [5, 3, 1])) + 1) < 1e-12)
    }

    @Test func pearsonIsUndefinedWithoutVariance() {
        #expect(Metrics.pearson([1, 1, 1], [1, 2, 3]) == nil)
        #expect(Metrics.pearson([1, 2, 3], [2, 2, 2]) == nil)
        #expect(Metrics.pearson([1], [2]) == nil)
        #expect(Metrics.pearson([], []) == nil)
    }

    /// counts[gold][predicted] over positive, neutral, negative:
    ///   gold positive: 2 1 0    gold neutral: 1 1 0    gold negative: 0 1 2
    func handConfusion() -> Metrics.Confusion {
        var confusion = Metrics.Confusion(classes: ["positive", "neutral", "negative"])
        let pairs = [(0, 0), (0, 0), (0, 1), (1, 0), (1, 1), (2, 1), (2, 2), (2, 2)]
        for (gold, predicted) in pairs { confusion.add(gold: gold, predicted: predicted) }
        return confusion
    }

    @Test func perClassScoresOfAHandComputedConfusion() {
        let confusion = handConfusion()
        #expect(confusion.counts == [[2, 1, 0], [1, 1, 0], [0, 1, 2]])
        // positive: tp 2 of 3 predicted, 3 actual -> p = r = F1 = 2/3
        let positive = confusion.scores(of: 0)
        #expect(abs(positive.precision - 2.0 / 3) < 1e-12 && abs(positive.recall - 2.0 / 3) < 1e-12)
        #expect(abs(positive.f1 - 2.0 / 3) < 1e-12)
        // neutral: tp 1 of 3 predicted, 2 actual -> p = 1/3, r = 1/2, F1 = 2/5
        let neutral = confusion.scores(of: 1)
        #expect(abs(neutral.precision - 1.0 / 3) < 1e-12 && abs(neutral.recall - 0.5) < 1e-12)
        #expect(abs(neutral.f1 - 0.4) < 1e-12)
        // negative: tp 2 of 2 predicted, 3 actual -> p = 1, r = 2/3, F1 = 4/5
        let negative = confusion.scores(of: 2)
        #expect(negative.precision == 1 && abs(negative.recall - 2.0 / 3) < 1e-12)
        #expect(abs(negative.f1 - 0.8) < 1e-12)
    }

    @Test func macroF1AndAccuracyOfAHandComputedConfusion() {
        let confusion = handConfusion()
        #expect(confusion.total == 8)
        #expect(abs(confusion.accuracy - 5.0 / 8) < 1e-12)
        // (2/3 + 2/5 + 4/5) / 3 = 28/45
        #expect(abs(confusion.macroF1 - 28.0 / 45) < 1e-12)
    }

    @Test func classNeverSeenCountsAsZeroF1() {
        var confusion = Metrics.Confusion(classes: ["positive", "neutral", "negative"])
        confusion.add(gold: 0, predicted: 0)
        confusion.add(gold: 2, predicted: 2)
        #expect(confusion.scores(of: 1) == (0, 0, 0))
        #expect(abs(confusion.macroF1 - 2.0 / 3) < 1e-12)
        #expect(confusion.accuracy == 1)
    }

    @Test func emptyConfusionHasZeroAccuracy() {
        let confusion = Metrics.Confusion(classes: ["positive", "neutral", "negative"])
        #expect(confusion.accuracy == 0)
        #expect(confusion.macroF1 == 0)
    }
}
