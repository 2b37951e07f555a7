import CSavyKernel

/// Entry points for the benchmark suite (Benchmarks/), which measures the C kernel apart from
/// decoding results into Swift values. Not API: `@_spi(Benchmarking) import Savy`.
extension Analyzer {
    /// Scores `batch` in the kernel only (one allocation for the results, none per text);
    /// returns the sum of the compounds so the work cannot be optimised away.
    @_spi(Benchmarking)
    public func kernelScore(_ batch: TextBatch) -> Float {
        var results = [CSavyKernel_Result](repeating: CSavyKernel_Result(), count: batch.count)
        return workers.withWorker { worker in
            batch.bytes.withUnsafeBufferPointer { bytes in
                batch.offsets.withUnsafeBufferPointer { offsets in
                    withLanguages { languages in
                        results.withUnsafeMutableBufferPointer { out in
                            CSavyKernel_score_batch(languages, worker.scratch, bytes.baseAddress, offsets.baseAddress,
                                                    batch.count, out.baseAddress, nil)
                            return out.prefix(batch.count).reduce(0) { $0 + $1.compound }
                        }
                    }
                }
            }
        }
    }

    /// Tokenizes every text of `batch` on the fast path where it applies (or always with ICU);
    /// returns the number of tokens.
    @_spi(Benchmarking)
    public func tokenize(_ batch: TextBatch, icu: Bool) -> Int {
        workers.withWorker { worker in
            batch.bytes.withUnsafeBufferPointer { bytes in
                var total = 0
                var tokens: UnsafePointer<CSavyKernel_Token>?
                var keys: UnsafePointer<UInt8>?
                var fast: Int32 = 0
                for i in 0..<batch.count {
                    let start = Int(batch.offsets[i]), end = Int(batch.offsets[i + 1])
                    total += CSavyKernel_tokenize(english.pointer, worker.scratch, bytes.baseAddress! + start, end - start,
                                                  icu ? CSavyKernel_PathICU : CSavyKernel_PathAuto, &tokens, &keys, &fast)
                }
                return total
            }
        }
    }
}
