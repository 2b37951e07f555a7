import CSavyKernel

/// Voikko behind the kernel's dlopen binding, with its shared lemma cache. Thread-safe.
final class FinnishMorphology: @unchecked Sendable {
    let pointer: OpaquePointer

    /// nil, with the reason, when libvoikko or its Finnish dictionary is not installed.
    static func load() -> (FinnishMorphology?, String?) {
        var error = [CChar](repeating: 0, count: 256)
        guard let pointer = CSavyKernel_Morphology_create_finnish(&error, error.count) else {
            return (nil, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return (FinnishMorphology(pointer), nil)
    }

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { CSavyKernel_Morphology_destroy(pointer) }

    var cachedWords: Int { CSavyKernel_Morphology_cached_words(pointer) }
}
