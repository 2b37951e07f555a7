import Savy

/// Writes JSON by hand into a byte buffer: one record per input row, keys in a fixed order,
/// numbers as Swift prints them (at most four decimals), nothing allocated per field.
/// Its output decodes as ``Analysis`` with `JSONDecoder` (tested).
struct JSONWriter {
    let buffer: ByteBuffer

    init(buffer: ByteBuffer = ByteBuffer(capacity: 1 << 16)) { self.buffer = buffer }

    /// What has been written.
    var bytes: [UInt8] { buffer.array }

    @inline(__always) mutating func raw(_ text: StaticString) {
        buffer.append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // Worst case: every byte escaped as \u00XX.
            buffer.reserve(6 * utf8.count + 2)
            var out = buffer.end
            out.pointee = UInt8(ascii: "\""); out += 1
            for byte in utf8 {
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    out.pointee = byte; out += 1
                    continue
                }
                out.pointee = UInt8(ascii: "\\")
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte; out += 2
                case 0x0A: out[1] = UInt8(ascii: "n"); out += 2
                case 0x0D: out[1] = UInt8(ascii: "r"); out += 2
                case 0x09: out[1] = UInt8(ascii: "t"); out += 2
                default:
                    out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "0"); out[3] = UInt8(ascii: "0")
                    out[4] = Self.hex[Int(byte >> 4)]; out[5] = Self.hex[Int(byte & 0xF)]
                    out += 6
                }
            }
            out.pointee = UInt8(ascii: "\""); out += 1
            buffer.advance(to: out)
        }
    }

    /// Scores are rounded to four decimals, so most numbers are k / 10 000 exactly: those are
    /// printed from the integer k, digit by digit, which is what Swift's shortest round-trip
    /// form gives for them (tested for every k up to ±20 000) at a tenth of the cost.
    mutating func number(_ value: Double) {
        if value == 0 { raw("0"); return }  // most tones and strategies are absent
        let scaled = value * 10_000
        // Nearest integer without libm's round(); the check below catches any k it gets wrong.
        var k = abs(scaled) < 1e15 ? Int(scaled + (scaled < 0 ? -0.5 : 0.5)) : 0
        if k != 0, Double(k) / 10_000 == value {
            buffer.reserve(24)
            if k < 0 { buffer.append(UInt8(ascii: "-")); k = -k }
            buffer.appendDecimal(UInt(k / 10_000))
            let fraction = k % 10_000
            if fraction != 0 {  // ".", then the four digits without trailing zeros, stored directly
                let digits = (fraction / 1000, fraction / 100 % 10, fraction / 10 % 10, fraction % 10)
                let length = digits.3 != 0 ? 4 : digits.2 != 0 ? 3 : digits.1 != 0 ? 2 : 1
                let out = buffer.end
                out[0] = UInt8(ascii: ".")
                out[1] = 0x30 &+ UInt8(truncatingIfNeeded: digits.0); out[2] = 0x30 &+ UInt8(truncatingIfNeeded: digits.1)
                out[3] = 0x30 &+ UInt8(truncatingIfNeeded: digits.2); out[4] = 0x30 &+ UInt8(truncatingIfNeeded: digits.3)
                buffer.advance(to: out + 1 + length)
            }
        } else if value == value.rounded(), abs(value) < 1e15 {
            number(Int(value))
        } else {
            var text = value.description
            text.withUTF8 { buffer.append($0.baseAddress!, count: $0.count) }
        }
    }

    mutating func number(_ value: Int) {
        buffer.reserve(21)
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            buffer.appendDecimal(value.magnitude)
        } else {
            buffer.appendDecimal(UInt(value))
        }
    }

    mutating func id(_ id: RowID) {
        switch id {
        case .number(let n): number(n)
        case .text(let s): string(s)
        }
    }

    mutating func analysis(_ a: Analysis, id: RowID) {
        raw("{\"id\":"); self.id(id)
        raw(",\"language\":"); Self.languageNames.write(a.language, to: buffer)
        raw(",\"languageConfidence\":"); number(a.languageConfidence)
        raw(",\"sentiment\":{\"compound\":"); number(a.sentiment.compound)
        raw(",\"positive\":"); number(a.sentiment.positive)
        raw(",\"neutral\":"); number(a.sentiment.neutral)
        raw(",\"negative\":"); number(a.sentiment.negative)
        raw(",\"label\":"); Self.labelNames.write(a.sentiment.label, to: buffer)
        raw("}")
        tone(a.tone)
        raw(",\"politeness\":{\"strategies\":[")
        var bits = a.politeness.strategies.rawValue  // bit k is PolitenessStrategy.allCases[k], as it iterates
        while bits != 0 {
            Self.strategyNames.write(at: bits.trailingZeroBitCount, to: buffer)
            bits &= bits - 1
            if bits != 0 { raw(",") }
        }
        raw("]}")
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
        if t.shouting == Shouting() {
            raw(",\"shouting\":{\"score\":0,\"capsWords\":0,\"exclamationRuns\":0,\"questionRuns\":0}}")
            return
        }
        raw(",\"shouting\":{\"score\":"); number(t.shouting.score)
        raw(",\"capsWords\":"); number(t.shouting.capsWords)
        raw(",\"exclamationRuns\":"); number(t.shouting.exclamationRuns)
        raw(",\"questionRuns\":"); number(t.shouting.questionRuns)
        raw("}}")
    }

    private mutating func empathy(_ e: Empathy) {
        if e == Empathy() {  // most turns, and every customer turn
            raw(Self.emptyEmpathy)
            return
        }
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

    private static let emptyEmpathy: StaticString = """
        ,"empathy":{"score":0,"emotionalReaction":0,"interpretation":0,"exploration":0,"personalisation":false,\
        "ownership":false,"reassurance":false,"blame":false,"dismissal":false,"policyRefusal":false}
        """

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    // Enum names need no escaping: each is written quoted, in one copy, from a table made
    // once from the raw values (a String per name and its escaping loop cost more than the
    // rest of the row's strings).
    private static let languageNames = QuotedNames(Language.allCases)
    private static let labelNames = QuotedNames(SentimentLabel.allCases)
    private static let strategyNames = QuotedNames(PolitenessStrategy.allCases)
}

/// The raw values of an enum's cases, which need no JSON escaping, each stored quoted in one
/// contiguous block. Immutable once built, so shared by every thread.
final class QuotedNames<Name: RawRepresentable & Equatable>: @unchecked Sendable where Name.RawValue == String {
    private let names: [Name]  // held once: `allCases` builds a new array at every use
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: [Int]

    init(_ names: [Name]) {
        self.names = names
        let quoted = names.map { Array("\"\($0.rawValue)\"".utf8) }
        bytes = .allocate(capacity: quoted.reduce(0) { $0 + $1.count })
        var offsets = [0]
        for name in quoted {
            (bytes + offsets.last!).initialize(from: name, count: name.count)
            offsets.append(offsets.last! + name.count)
        }
        self.offsets = offsets
    }

    deinit { bytes.deallocate() }

    @inline(__always) func write(_ name: Name, to buffer: ByteBuffer) {
        write(at: names.firstIndex(of: name)!, to: buffer)
    }

    /// Writes the quoted name of the case at `index`.
    @inline(__always) func write(at index: Int, to buffer: ByteBuffer) {
        let start = offsets[index]
        buffer.append(bytes + start, count: offsets[index + 1] - start)
    }
}

/// A growable byte buffer written through a pointer: the writer reserves room once per field
/// and then stores bytes with no bounds or uniqueness checks per byte.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Where the next byte goes; valid for `reserve`d bytes until the next reserve.
    var end: UnsafeMutablePointer<UInt8> { base + count }

    @inline(__always) func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private func grow(to needed: Int) {
        var next = capacity * 2
        while next < needed { next *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: next)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = next
    }

    func advance(to end: UnsafeMutablePointer<UInt8>) { count = end - base }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Most appends are the writer's short constant keys: they are copied a word at a time
    /// here rather than by a call to memmove each.
    @inline(__always) func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        let to = UnsafeMutableRawPointer(base + count), from = UnsafeRawPointer(bytes)
        if n >= 8 && n <= 64 {
            var i = 0
            while i + 8 < n {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else {
            to.copyMemory(from: from, byteCount: n)
        }
        count += n
    }

    /// Appends `value` in decimal. Most are one digit (a score's whole part) or a few (ids).
    func appendDecimal(_ value: UInt) {
        if value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var v = value
        var digits = 1
        var probe = v
        while probe >= 10 { probe /= 10; digits += 1 }
        reserve(digits)
        var at = base + count + digits
        for _ in 0..<digits {
            at -= 1
            at.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
        count += digits
    }

    func removeAll() { count = 0 }
}

/// A row's id in the output: its line number, or the id the input gave.
enum RowID {
    case number(Int)
    case text(String)
}
