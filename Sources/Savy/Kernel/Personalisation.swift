/// Personalisation in an agent turn that the kernel cannot see: the customer's name, or the
/// customer's own words taken up. (Explicit references, "you mentioned", "kerroit", are cues.)
enum Personalisation {
    static func detect(in text: UnsafeRawBufferPointer, context: TurnContext) -> Bool {
        if context.customerName == nil && context.previousCustomerTurn == nil { return false }  // a role alone
        let words = Self.words(String(decoding: text, as: UTF8.self))
        if let name = context.customerName {
            // Any part of the name, as a word: "Maria", "Virtanen"; Finnish inflects it ("Marialle").
            for part in Self.words(name) where part.count >= 2 {
                if words.contains(where: { $0 == part || ($0.hasPrefix(part) && $0.count <= part.count + 4) }) { return true }
            }
        }
        // Taking up the customer's words: two or more of their content words. One is only the
        // topic, which any answer repeats ("laturi", "invoice").
        if let previous = context.previousCustomerTurn {
            let theirs = Set(Self.words(previous).filter(Self.isContentWord).map(Self.stem))
            let shared = Set(words.filter(isContentWord).map(stem)).intersection(theirs)
            if shared.count >= 2 { return true }
        }
        return false
    }

    /// Lower-cased runs of letters.
    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// Words of six letters or more that are not the small talk of every chat.
    private static func isContentWord(_ word: String) -> Bool {
        word.count >= 6 && !commonWords.contains(stem(word))
    }

    /// The first six letters: enough to meet an inflected form ("laskutuksessa", "laskutus").
    private static func stem(_ word: String) -> String { String(word.prefix(6)) }

    /// Six-letter stems of words every chat repeats (only stems can match: see `stem`).
    private static let commonWords: Set<String> = [
        "thanks", "please", "really", "anythi", "someth", "everyt", "custom", "servic", "orders", "proble", "should",
        "kiitos", "kiitok", "kiitti", "asiaka", "palvel", "ongelm", "tilaus", "voisit", "haluai", "haluan", "todell",
        "kuiten", "minull", "teille", "sinull",
    ]
}
