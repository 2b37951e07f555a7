import CSavyKernel
import Foundation

/// A token as plain values, for comparisons.
struct TokenValue: Equatable, CustomStringConvertible {
    var start: Int, end: Int
    var kind: CSavyKernel_TokenKind
    var flags: Int
    var key: String

    var description: String { "[\(start),\(end)) \(kind.rawValue) f\(flags) '\(key)'" }
}

/// Owns a lexicon and scratch built straight through the C API.
final class Kernel {
    let lexicon: OpaquePointer
    let scratch: OpaquePointer

    /// `valences`: word terms; `emoticons`: literal emoticons; `roles`: (term, role, value).
    init(valences: [String: Float] = [:], emoticons: [String: Float] = [:], emoji: [String: Float] = [:],
         roles: [(String, CSavyKernel_Role, Float)] = []) {
        let builder = CSavyKernel_Builder_create(CSavyKernel_LanguageEnglish)!
        defer { CSavyKernel_Builder_destroy(builder) }
        for (term, value) in valences { precondition(Kernel.add(builder, term, CSavyKernel_TermWord, value).ok == 1, term) }
        for (term, value) in emoticons { precondition(Kernel.add(builder, term, CSavyKernel_TermEmoticon, value).ok == 1, term) }
        for (term, value) in emoji { precondition(Kernel.add(builder, term, CSavyKernel_TermEmoji, value).ok == 1, term) }
        for (term, role, value) in roles {
            var term = term
            let status = term.withUTF8 { CSavyKernel_Builder_set_role(builder, $0.baseAddress, $0.count, role, value, 0) }
            precondition(status.ok == 1, term)
        }
        lexicon = CSavyKernel_Builder_finish(builder)!
        scratch = CSavyKernel_Scratch_create()!
    }

    deinit {
        CSavyKernel_Lexicon_destroy(lexicon)
        CSavyKernel_Scratch_destroy(scratch)
    }

    static func add(_ builder: OpaquePointer, _ term: String, _ kind: CSavyKernel_TermKind, _ value: Float) -> CSavyKernel_BuildStatus {
        var term = term
        return term.withUTF8 { CSavyKernel_Builder_set_valence(builder, $0.baseAddress, $0.count, kind, value, 0) }
    }

    func tokens(_ bytes: [UInt8], path: CSavyKernel_Path = CSavyKernel_PathAuto) -> (tokens: [TokenValue], fast: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var tokens: UnsafePointer<CSavyKernel_Token>?
            var keys: UnsafePointer<UInt8>?
            var fast: Int32 = 0
            var dummy: UInt8 = 0
            let base = buffer.baseAddress ?? withUnsafePointer(to: &dummy) { $0 }
            let count = CSavyKernel_tokenize(lexicon, scratch, base, buffer.count, path, &tokens, &keys, &fast)
            precondition(count != Int.max)
            let values = (0..<count).map { i -> TokenValue in
                let t = tokens![i]
                let key = String(decoding: UnsafeBufferPointer(start: keys! + Int(t.key_offset), count: Int(t.key_length)), as: UTF8.self)
                return TokenValue(start: Int(t.start), end: Int(t.end), kind: CSavyKernel_TokenKind(rawValue: UInt32(t.kind)),
                                  flags: Int(t.flags), key: key)
            }
            return (values, fast != 0)
        }
    }

    func tokens(_ text: String, path: CSavyKernel_Path = CSavyKernel_PathAuto) -> (tokens: [TokenValue], fast: Bool) {
        tokens(Array(text.utf8), path: path)
    }

    func keys(_ text: String) -> [String] { tokens(text).tokens.map(\.key) }

    /// Scores texts in one batch call; returns results and evidence.
    func score(_ texts: [String]) -> [CSavyKernel_Result] { score(texts, on: scratch) }

    /// Scores texts in one batch call on another scratch (whose memos may hold other lexicons' words).
    func score(_ texts: [String], on scratch: OpaquePointer) -> [CSavyKernel_Result] {
        var batch: [UInt8] = []
        var offsets: [UInt64] = [0]
        for text in texts {
            batch += Array(text.utf8)
            offsets.append(UInt64(batch.count))
        }
        batch.append(0)
        var results = [CSavyKernel_Result](repeating: CSavyKernel_Result(), count: texts.count)
        var languages = CSavyKernel_Languages(english: lexicon, finnish: nil, finnish_morphology: nil, fixed: CSavyKernel_LanguageEnglish)
        CSavyKernel_score_batch(&languages, scratch, batch, offsets, texts.count, &results, nil)
        return results
    }
}

/// Rows of a development set in ../shared/eval, or nil when it is not there.
func evalTexts(_ relative: String) -> [[UInt8]]? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/eval").appendingPathComponent(relative)
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return data.split(separator: UInt8(ascii: "\n")).map { Array($0) }
}
