import Benchmark
import Savy

// Benchmarks of the public API on a generated chat corpus (ChatCorpus, fixed seed).
// Throughput is reported per text and per byte (scaledIterations × bytes); malloc counts are
// the stable metric the baselines gate on.
let benchmarks: @Sendable () -> Void = {
    let analyzer = try! Analyzer()
    let english = ChatCorpus(seed: 1, language: .english, count: 20_000)
    let finnish = ChatCorpus(seed: 2, language: .finnish, count: 20_000)
    let mixed = ChatCorpus(seed: 3, language: nil, count: 20_000)
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .instructions]

    for (name, corpus) in [("English", english), ("Finnish", finnish), ("Mixed", mixed)] {
        let batch = corpus.batch
        Benchmark("Batch.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.score(batch))
            }
        }
    }

    let message = "Hi, my order still hasn't arrived and nobody answers. Could you check it please?"
    Benchmark("API.ShortMessage", configuration: .init(metrics: metrics, scalingFactor: .kilo, maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(analyzer.score(message))
        }
    }
}
