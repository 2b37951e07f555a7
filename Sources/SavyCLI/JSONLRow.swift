import Savy

/// One line of JSONL input: the text to score and what is known about its turn.
///
/// Parsed by a strict RFC 8259 scanner over the line's bytes that keeps only the fields Savy
/// reads and skips (while still checking) the rest. Foundation's JSONSerialization built a
/// dictionary of every row and cost three times the scoring itself; this one reports the
/// column of the first problem, too.
struct JSONLRow {
    var id: RowID?
    var text: String
    var context: TurnContext?

    struct Problem: Error, Equatable {
        var message: String
        /// 1-based byte column in the line.
        var column = 1
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<JSONLRow, Problem> {
        var scanner = JSONScanner(bytes)
        let fields: Fields
        do {
            fields = try scanner.row()
        } catch {
            return .failure(error)
        }
        guard let text = fields.text else { return .failure(Problem(message: "no \"text\" string in the row")) }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return .failure(Problem(message: "empty text")) }
        var speaker: Speaker?
        if let role = fields.role {
            guard let known = Speaker(rawValue: role.lowercased()) else {
                return .failure(Problem(message: "role '\(role)' is neither agent nor customer"))
            }
            speaker = known
        }
        let context = speaker == nil && fields.customerName == nil && fields.previousCustomerTurn == nil
            ? nil : TurnContext(speaker: speaker, customerName: fields.customerName, previousCustomerTurn: fields.previousCustomerTurn)
        return .success(JSONLRow(id: fields.id, text: text, context: context))
    }

    static func parse(_ bytes: [UInt8]) -> Result<JSONLRow, Problem> {
        bytes.withUnsafeBytes { parse($0) }
    }

    /// The fields Savy reads; a field of another type than these counts as absent, as before.
    struct Fields {
        var id: RowID?
        var text: String?
        var role: String?
        var customerName: String?
        var previousCustomerTurn: String?
    }
}

/// A strict JSON scanner over one line's bytes.
private struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    typealias Problem = JSONLRow.Problem

    private func problem(_ message: String, at offset: Int? = nil) -> Problem {
        Problem(message: "invalid JSON: \(message)", column: (offset ?? at) + 1)
    }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
        skipSpace()
        guard current == byte else { throw found(what) }
        at += 1
    }

    private func found(_ expected: String) -> Problem {
        guard let byte = current else { return problem("expected \(expected), found the end of the line") }
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return problem("expected \(expected), found \(shown)")
    }

    /// The row: one object, then nothing but white space.
    mutating func row() throws(Problem) -> JSONLRow.Fields {
        skipSpace()
        guard current == UInt8(ascii: "{") else {
            if current == nil { throw problem("the line holds no JSON value") }
            let start = at
            try skipValue()
            skipSpace()
            if at == bytes.count { throw Problem(message: "a JSONL row must be a JSON object", column: start + 1) }
            throw found("the end of the line")
        }
        at += 1
        var fields = JSONLRow.Fields()
        var first = true
        while let name = try fieldName(first: first) {
            first = false
            switch name {
            case "text": fields.text = try optionalString()
            case "role": fields.role = try optionalString()
            case "customerName": fields.customerName = try optionalString()
            case "previousCustomerTurn": fields.previousCustomerTurn = try optionalString()
            case "id": fields.id = try rowID()
            default: try skipValue()
            }
        }
        skipSpace()
        if at != bytes.count { throw found("the end of the line after the object") }
        return fields
    }

    /// Inside an object, after its '{' or after a field's value: the next field's name, with
    /// its ':' read, or nil when the object closes.
    private mutating func fieldName(first: Bool) throws(Problem) -> String? {
        skipSpace()
        if current == UInt8(ascii: "}") { at += 1; return nil }
        if !first {
            guard current == UInt8(ascii: ",") else { throw found("',' or '}'") }
            at += 1
            skipSpace()
        }
        guard current == UInt8(ascii: "\"") else { throw found("a field name in double quotes") }
        let name = try string()
        try expect(UInt8(ascii: ":"), "':' after the field name")
        skipSpace()
        return name
    }

    /// A string value, or nil (after checking it) for any other value.
    private mutating func optionalString() throws(Problem) -> String? {
        if current == UInt8(ascii: "\"") { return try string() }
        try skipValue()
        return nil
    }

    /// An id: an integer or a string; other values leave the line number as the id.
    private mutating func rowID() throws(Problem) -> RowID? {
        if current == UInt8(ascii: "\"") { return .text(try string()) }
        let start = at
        try skipValue()
        let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<at])
        guard literal.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) }),
              let n = Int(String(decoding: literal, as: UTF8.self)) else { return nil }
        return .number(n)
    }

    /// A string at `at` (which is its opening quote), unescaped.
    private mutating func string() throws(Problem) -> String {
        let open = at
        at += 1
        let start = at
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<at])
                at += 1
                return try validated(raw, from: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw problem("a control character must be escaped in a string") }
            at += 1
        }
        if at == bytes.count { throw problem("the string has no closing quote", at: open) }
        var unescaped = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "\""):
                at += 1
                // (A bad byte in an escaped string is named by the string's start.)
                if let string = unescaped.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) { return string }
                throw problem("invalid UTF-8 in a string", at: open)
            case UInt8(ascii: "\\"):
                try escape(into: &unescaped)
            case 0..<0x20:
                throw problem("a control character must be escaped in a string")
            default:
                unescaped.append(byte)
                at += 1
            }
        }
        throw problem("the string has no closing quote", at: open)
    }

    private func validated(_ raw: UnsafeRawBufferPointer, from start: Int) throws(Problem) -> String {
        if let string = String(validating: raw, as: UTF8.self) { return string }
        // Name the first bad byte: decode until the repair character appears where the input had none.
        var offset = start
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += String(scalar).utf8.count
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        offset += consumed
        throw problem("invalid UTF-8 in a string", at: offset)
    }

    private mutating func escape(into out: inout [UInt8]) throws(Problem) {
        let slash = at
        at += 1
        guard let code = current else { throw problem("the string has no closing quote", at: slash) }
        at += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: slash)
            if (0xD800..<0xDC00).contains(scalar) {  // a high surrogate needs its low half
                guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                    throw problem("a lone surrogate \\u\(String(scalar, radix: 16)) is not a character", at: slash)
                }
                let second = at
                at += 2
                let low = try hex4(escapeAt: second)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw problem("a lone surrogate \\u\(String(scalar, radix: 16)) is not a character", at: slash)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw problem("a lone surrogate \\u\(String(scalar, radix: 16)) is not a character", at: slash)
            }
            out.append(contentsOf: String(Character(UnicodeScalar(scalar)!)).utf8)
        default:
            throw problem("unknown escape '\\\(Character(UnicodeScalar(code)))'", at: slash)
        }
    }

    private mutating func hex4(escapeAt slash: Int) throws(Problem) -> UInt32 {
        guard at + 4 <= bytes.count else { throw problem("\\u needs four hex digits", at: slash) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw problem("\\u needs four hex digits", at: slash)
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// Checks and passes over any value: objects and arrays to any depth (up to a limit),
    /// numbers by the JSON grammar, true, false and null.
    private mutating func skipValue(depth: Int = 0) throws(Problem) {
        guard depth < 512 else { throw problem("values nested too deeply") }
        skipSpace()
        guard let byte = current else { throw found("a value") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"):
            at += 1
            var first = true
            while try fieldName(first: first) != nil {
                first = false
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            at += 1
            skipSpace()
            if current == UInt8(ascii: "]") { at += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { at += 1; continue }
                if current == UInt8(ascii: "]") { at += 1; return }
                throw found("',' or ']'")
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), 0x30...0x39: try number()
        default: throw found("a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Problem) {
        let start = at
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard at + expected.count <= bytes.count,
              UnsafeRawBufferPointer(rebasing: bytes[at..<at + expected.count]).elementsEqual(expected) else {
            throw problem("expected a value", at: start)
        }
        at += expected.count
    }

    private mutating func number() throws(Problem) {
        let start = at
        func digits(_ scanner: inout JSONScanner) -> Int {
            let from = scanner.at
            while let byte = scanner.current, byte >= 0x30 && byte <= 0x39 { scanner.at += 1 }
            return scanner.at - from
        }
        if current == UInt8(ascii: "-") { at += 1 }
        if current == UInt8(ascii: "0") {
            at += 1
        } else if digits(&self) == 0 {
            throw problem("a number needs digits", at: start)
        }
        if current == UInt8(ascii: ".") {
            at += 1
            if digits(&self) == 0 { throw problem("a number needs digits after '.'", at: start) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            at += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
            if digits(&self) == 0 { throw problem("a number needs digits in its exponent", at: start) }
        }
    }
}
