import Benchmark
import ChatCorpus
@_spi(Benchmarking) import Savy

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

    // The C kernel alone (no Swift result values): tokens, language, lookup, rules, tone.
    for (name, corpus) in [("English", english), ("Finnish", finnish), ("Mixed", mixed)] {
        let batch = corpus.batch
        Benchmark("Kernel.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.kernelScore(batch))
            }
        }
    }

    // The tokenizer: the byte-level fast path against ICU word breaking on the same text.
    let englishBatch = english.batch
    for (name, icu) in [("FastPath", false), ("ICU", true)] {
        Benchmark("Tokenizer.\(name)", configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(analyzer.tokenize(englishBatch, icu: icu))
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
