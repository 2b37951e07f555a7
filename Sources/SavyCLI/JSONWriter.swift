import Savy

/// Writes JSON by hand into a byte buffer: one record per input row, keys in a fixed order,
/// numbers as Swift prints them (at most four decimals), nothing allocated per field.
/// Its output decodes as ``Analysis`` with `JSONDecoder` (tested).
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func id(_ id: RowID) {
        switch id {
        case .number(let n): number(n)
        case .text(let s): string(s)
        }
    }

    mutating func analysis(_ a: Analysis, id: RowID) {
        raw("{\"id\":"); self.id(id)
        raw(",\"language\":"); string(a.language.rawValue)
        raw(",\"languageConfidence\":"); number(a.languageConfidence)
        raw(",\"sentiment\":{\"compound\":"); number(a.sentiment.compound)
        raw(",\"positive\":"); number(a.sentiment.positive)
        raw(",\"neutral\":"); number(a.sentiment.neutral)
        raw(",\"negative\":"); number(a.sentiment.negative)
        raw(",\"label\":"); string(a.sentiment.label.rawValue)
        raw("}")
        tone(a.tone)
        raw(",\"politeness\":{\"strategies\":"); strings(a.politeness.strategies.map(\.rawValue))
        raw("}")
        empathy(a.empathy)
        if let evidence = a.evidence {
            raw(",\"evidence\":[")
            for (i, e) in evidence.enumerated() {
                if i > 0 { raw(",") }
                raw("{\"kind\":"); string(e.kind.rawValue)
                raw(",\"text\":"); string(e.text)
                raw(",\"range\":"); range(e.range)
                raw(",\"target\":"); string(e.target)
                raw(",\"targetRange\":"); range(e.targetRange)
                raw(",\"effect\":"); number(e.effect)
                if let source = e.source { raw(",\"source\":"); string(source) }
                if let term = e.term { raw(",\"term\":"); string(term) }
                if let marker = e.marker { raw(",\"marker\":"); string(marker) }
                raw("}")
            }
            raw("]")
        }
        if let warnings = a.warnings {
            raw(",\"warnings\":[")
            for (i, w) in warnings.enumerated() {
                if i > 0 { raw(",") }
                raw("{\"kind\":"); string(w.kind.rawValue)
                raw(",\"count\":"); number(w.count)
                raw(",\"byteOffset\":"); number(w.byteOffset)
                raw(",\"column\":"); number(w.byteOffset + 1)
                raw("}")
            }
            raw("]")
        }
        raw("}\n")
    }

    mutating func error(_ message: String, id: RowID, file: String?, line: Int, column: Int) {
        raw("{\"id\":"); self.id(id)
        raw(",\"error\":{\"message\":"); string(message)
        if let file { raw(",\"file\":"); string(file) }
        raw(",\"line\":"); number(line)
        raw(",\"column\":"); number(column)
        raw("}}\n")
    }

    private mutating func tone(_ t: Tone) {
        raw(",\"tone\":{\"politeness\":"); number(t.politeness)
        raw(",\"frustration\":"); number(t.frustration)
        raw(",\"anger\":"); number(t.anger)
        raw(",\"sadness\":"); number(t.sadness)
        raw(",\"anxiety\":"); number(t.anxiety)
        raw(",\"satisfaction\":"); number(t.satisfaction)
        raw(",\"gratitude\":"); number(t.gratitude)
        raw(",\"profanity\":"); strings(t.profanity)
        raw(",\"shouting\":{\"score\":"); number(t.shouting.score)
        raw(",\"capsWords\":"); number(t.shouting.capsWords)
        raw(",\"exclamationRuns\":"); number(t.shouting.exclamationRuns)
        raw(",\"questionRuns\":"); number(t.shouting.questionRuns)
        raw("}}")
    }

    private mutating func empathy(_ e: Empathy) {
        raw(",\"empathy\":{\"score\":"); number(e.score)
        raw(",\"emotionalReaction\":"); number(e.emotionalReaction)
        raw(",\"interpretation\":"); number(e.interpretation)
        raw(",\"exploration\":"); number(e.exploration)
        raw(",\"personalisation\":"); bool(e.personalisation)
        raw(",\"ownership\":"); bool(e.ownership)
        raw(",\"reassurance\":"); bool(e.reassurance)
        raw(",\"blame\":"); bool(e.blame)
        raw(",\"dismissal\":"); bool(e.dismissal)
        raw(",\"policyRefusal\":"); bool(e.policyRefusal)
        raw("}")
    }

    private mutating func strings(_ values: [String]) {
        raw("[")
        for (i, value) in values.enumerated() {
            if i > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    private mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    private mutating func range(_ r: Evidence.ByteRange) {
        raw("{\"start\":"); number(r.start)
        raw(",\"end\":"); number(r.end)
        raw("}")
    }

    private static let hex = Array("0123456789abcdef".utf8)
}

/// A row's id in the output: its line number, or the id the input gave.
enum RowID {
    case number(Int)
    case text(String)
}
