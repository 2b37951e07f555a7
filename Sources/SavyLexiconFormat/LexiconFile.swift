/// A parsed, validated lexicon file (see README.md, "Lexicon format").
///
/// The first line that is neither blank nor a `#` comment is the header; it names the
/// columns and so the kind of file:
///
/// | header                 | kind                                        |
/// |------------------------|---------------------------------------------|
/// | `term  valence`        | words and phrases with a valence in -4...4  |
/// | `emoticon  valence`    | emoticons, matched literally                |
/// | `emoji  valence`       | emoji                                       |
/// | `term  role  value`    | modifiers: boosters, negators, contrast ... |
/// | `form  standard`       | spoken forms read as standard ones (`mä` → `minä`) |
/// | `term  cue  weight`    | tone, politeness and empathy cues (`thanks  gratitude  0.8`) |
///
/// An optional last column `note` is free text. The value `remove` deletes an entry that an
/// earlier (built-in) file defined.
public struct LexiconFile: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case terms = "term"
        case emoticons = "emoticon"
        case emoji = "emoji"
        case modifiers = "role"
        case normalisations = "standard"
        case cues = "cue"
    }

    /// What a word or phrase signals for tone, politeness or empathy (see README.md, "Tone").
    public enum Cue: String, Sendable, CaseIterable {
        // Tones: the weight is a noisy-or probability in (0, 1].
        case frustration, anger, sadness, anxiety, satisfaction, gratitude, profanity
        // Politeness markers.
        case apology, greeting, please
        case indirectRequest = "indirect-request", directRequest = "direct-request"
        case hedge, deference, factuality
        case byTheWay = "by-the-way", questionWord = "question-word", conjunction
        case firstPerson = "first-person", firstPersonPlural = "first-person-plural", secondPerson = "second-person"
        case command, reassurance
        // Empathy mechanisms (the weight is the level, 1 or 2) and caring elements.
        case emotionalReaction = "emotional-reaction", interpretation, exploration
        case ownership, blame, dismissal, policy
        /// Taking up the customer's own words: personalisation ("you mentioned", "kerroit").
        case reference

        /// The empathy mechanisms' weight is a level, 1 or 2; every other cue's is in (0, 1].
        public var isLevel: Bool { self == .emotionalReaction || self == .interpretation || self == .exploration }
    }

    public enum Role: String, Sendable, CaseIterable {
        case booster, dampener, negator
        case negatorNext = "negator-next"
        case contrast, concession, mask, discourse, irrealis
        case negRaising = "neg-raising"
        case softener
        case negativePolarity = "negative-polarity"
        /// Takes a negative object away: "fixed the problem", "korjasi vian".
        case reversesNegative = "reverses-negative"
        /// Takes a positive object away: "lost my trust", "pilasi lomani".
        case reversesPositive = "reverses-positive"
        /// The hearer's own bad feeling, which a prohibition consoles: "don't worry", "älä pelkää".
        case feeling
        /// A phrase that is a formula only when it makes up its clause: "Ei kestä!" (you're
        /// welcome), not "akku ei kestä" (the battery won't last).
        case reply
    }

    public enum Value: Sendable, Equatable {
        case valence(Double)
        case role(Role, Double)
        case cue(Cue, Double)
        /// Removes one cue of a term that an earlier file gave it.
        case removeCue(Cue)
        /// The standard form a spoken form is read as.
        case standard(String)
        case remove
    }

    public struct Entry: Sendable {
        public var term: String
        public var value: Value
        public var line: Int
    }

    /// Valences live on VADER's scale.
    public static let valenceRange: ClosedRange<Double> = -4...4

    public let path: String
    public let kind: Kind
    public let entries: [Entry]

    /// Parses and validates `bytes`; `path` names the file in errors.
    public init(path: String, bytes: some Collection<UInt8>) throws(LexiconFormatError) {
        self.path = path
        var kind: Kind?
        var columns = 0
        var entries: [Entry] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        var byteFields: [ArraySlice<UInt8>] = []  // one line's tab-separated fields, reused
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a byte-order mark
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        // Lines run 20-120 bytes: room for them all up front, rather than rehashing as it grows.
        firstLine.reserveCapacity(bytes.count / 24)
        entries.reserveCapacity(bytes.count / 24)
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            // Bytes, not Characters: the notes are long, and grapheme-by-grapheme work on them
            // was most of the start-up time of every analyzer.
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            func fail(_ message: String, column: Int = 1) -> LexiconFormatError {
                LexiconFormatError(path: path, line: lineNumber, column: column, message: message)
            }
            if let nul = line.firstIndex(of: 0) { throw fail("NUL byte", column: nul - line.startIndex + 1) }
            guard Self.isValidUTF8(line) else {
                throw fail("invalid UTF-8", column: Self.firstInvalidByte(Array(line)) + 1)
            }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) || line.first == UInt8(ascii: "#") { continue }
            // Each field as bytes with its column; the note (the last field, free text) never
            // becomes a String.
            byteFields.removeAll(keepingCapacity: true)
            var fieldStart = line.startIndex
            while let tab = line[fieldStart...].firstIndex(of: UInt8(ascii: "\t")) {
                byteFields.append(line[fieldStart..<tab])
                fieldStart = tab + 1
            }
            byteFields.append(line[fieldStart...])
            let columnOf = byteFields.map { $0.startIndex - line.startIndex + 1 }
            guard let fileKind = kind else {
                kind = try Self.header(byteFields.map { String(decoding: $0, as: UTF8.self) }, fail: fail)
                columns = kind == .modifiers || kind == .cues ? 3 : 2
                continue
            }
            let fields = byteFields.prefix(columns).map { String(decoding: $0, as: UTF8.self) }
            let hasNote = byteFields.count == columns + 1
            let bareRemove = fileKind == .modifiers && byteFields.count == 2 && fields[1] == "remove"
            guard byteFields.count == columns || hasNote || bareRemove else {
                throw fail("expected \(columns) tab-separated fields (plus an optional note), found \(byteFields.count)")
            }
            let term = fields[0]
            guard !term.isEmpty else { throw fail("empty term") }
            guard term.utf8.first != 0x20 && term.utf8.last != 0x20 else { throw fail("term has leading or trailing spaces") }
            let value: Value
            switch fileKind {
            case .terms, .emoticons, .emoji:
                value = try Self.valence(fields[1], fail: { fail($0, column: columnOf[1]) })
            case .normalisations:
                let standard = fields[1]
                guard !standard.isEmpty, !standard.contains(" ") else {
                    throw fail("the standard form must be one word", column: columnOf[1])
                }
                value = standard == "remove" ? .remove : .standard(standard)
            case .modifiers:
                if fields[1] == "remove" {
                    value = .remove
                } else {
                    guard let role = Role(rawValue: fields[1]) else {
                        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail("unknown role '\(fields[1])'; expected one of: \(known), remove", column: columnOf[1])
                    }
                    guard let number = Self.number(fields[2]), number.isFinite else {  // fields.count >= 3 here
                        throw fail("value '\(fields[2])' is not a number", column: columnOf[2])
                    }
                    value = .role(role, number)
                }
            case .cues:
                guard let cue = Cue(rawValue: fields[1]) else {
                    let known = Cue.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("unknown cue '\(fields[1])'; expected one of: \(known)", column: columnOf[1])
                }
                if fields[2] == "remove" {
                    value = .removeCue(cue)
                } else {
                    guard let weight = Self.number(fields[2]), weight.isFinite else {
                        throw fail("weight '\(fields[2])' is not a number (or 'remove')", column: columnOf[2])
                    }
                    if cue.isLevel {
                        guard weight == 1 || weight == 2 else {
                            throw fail("\(cue.rawValue) takes a level, 1 or 2, not \(fields[2])", column: columnOf[2])
                        }
                    } else {
                        guard weight > 0 && weight <= 1 else {
                            throw fail("weight \(fields[2]) is outside (0, 1]", column: columnOf[2])
                        }
                    }
                    value = .cue(cue, weight)
                }
            }
            var duplicateKey = fileKind == .emoticons || !Self.mayHaveCapitals(term.utf8) ? term : term.lowercased()
            if fileKind == .cues { duplicateKey += "\t" + fields[1] }
            if let first = firstLine[duplicateKey] {
                throw fail("'\(term)' is already defined on line \(first)")
            }
            firstLine[duplicateKey] = lineNumber
            entries.append(Entry(term: term, value: value, line: lineNumber))
        }
        guard let kind else {
            throw LexiconFormatError(path: path, line: max(lineNumber, 1), column: 1,
                                     message: "no header line (for example: term<TAB>valence)")
        }
        self.kind = kind
        self.entries = entries
    }

    private static func header(_ fields: [String], fail: (String, Int) -> LexiconFormatError) throws(LexiconFormatError) -> Kind {
        var names = fields
        if names.last == "note" { names.removeLast() }
        switch names {
        case ["term", "valence"]: return .terms
        case ["emoticon", "valence"]: return .emoticons
        case ["emoji", "valence"]: return .emoji
        case ["term", "role", "value"]: return .modifiers
        case ["form", "standard"]: return .normalisations
        case ["term", "cue", "weight"]: return .cues
        default:
            throw fail("unknown header '\(fields.joined(separator: "<TAB>"))'; expected term<TAB>valence, "
                + "emoticon<TAB>valence, emoji<TAB>valence, term<TAB>role<TAB>value, form<TAB>standard or term<TAB>cue<TAB>weight (each optionally followed by <TAB>note)", 1)
        }
    }

    private static func valence(_ field: String, fail: (String) -> LexiconFormatError) throws(LexiconFormatError) -> Value {
        if field == "remove" { return .remove }
        guard let number = number(field), number.isFinite else {
            throw fail("valence '\(field)' is not a number (or 'remove')")
        }
        guard valenceRange.contains(number) else {
            throw fail("valence \(field) is outside -4...4")
        }
        return .valence(number)
    }

    /// Most terms are lowercase already and are their own key; `lowercased()` (a tenth of
    /// the start-up) runs only for those that may have a capital: ASCII A-Z, Latin-1 À-Þ, or
    /// a script with case beyond them. Emoji (F0 9F ...) have none.
    static func mayHaveCapitals(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x41...0x5A: return true
            case 0x80...0x9E where previous == 0xC3: return true
            case 0xC4...0xEF: return true
            case 0x80...0xBF where previous == 0xF0 && byte != 0x9F: return true
            default: break
            }
            previous = byte
        }
        return false
    }

    /// A number as `Double(String)` reads it. Plain decimals ("-1.25", "0.8", "3") are read
    /// here: their digits as an integer, exact below 2^53, divided by an exact power of ten,
    /// which IEEE division rounds correctly, as `Double(String)` does. The rest (exponents,
    /// long fractions, "inf") go to `Double(String)`, a twentieth of the start-up when every
    /// value went there.
    static func number(_ text: String) -> Double? {
        var digits: UInt64 = 0, count = 0, fraction = -1
        var negative = false
        for (i, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                count += 1
                if fraction >= 0 { fraction += 1 }
            case UInt8(ascii: "."): if fraction >= 0 { return Double(text) } else { fraction = 0 }
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "+") where i == 0: break
            default: return Double(text)
            }
            if count > 15 { return Double(text) }
        }
        guard count > 0 else { return Double(text) }
        let value = Double(digits) / powersOfTen[max(fraction, 0)]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    private static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        return bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    private static func firstInvalidByte(_ line: [UInt8]) -> Int {
        var index = 0
        while index < line.count {
            var end = index + 1
            while end <= line.count, end - index <= 4 {
                if String(validating: line[index..<end], as: UTF8.self) != nil { break }
                end += 1
            }
            if end > line.count || end - index > 4 { return index }
            index = end
        }
        return index
    }
}

/// A lexicon line that could not be read, with its place.
public struct LexiconFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: error: message`, the form compilers and editors understand.
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
