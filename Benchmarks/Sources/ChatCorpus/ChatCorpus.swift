import Savy

/// A reproducible corpus of customer-service chat lines (20–200 bytes), English, Finnish or
/// mixed, built from phrase parts with a fixed seed (SplitMix64), so every run and machine
/// scores the same bytes.
public struct ChatCorpus: Sendable {
    public let lines: [String]
    public var batch: TextBatch { TextBatch(lines) }
    public var bytes: Int { lines.reduce(0) { $0 + $1.utf8.count } }

    public init(seed: UInt64, language: Language?, count: Int) {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        lines.reserveCapacity(count)
        while lines.count < count {
            let finnish = language == .finnish || (language == nil && random.next() % 2 == 0)
            let parts = finnish ? Self.finnish : Self.english
            // A turn takes each part in order (greeting, problem, request, agent reply) or not.
            var line = ""
            for group in parts where random.next() % 2 == 0 {
                let piece = group[Int(random.next() % UInt64(group.count))]
                line += line.isEmpty ? piece : " " + piece
            }
            let length = line.utf8.count
            if length >= 20 && length <= 200 { lines.append(line) }
        }
        self.lines = lines
    }

    static let english: [[String]] = [
        ["Hi,", "Hello!", "Hey there,", "Good morning,", "Thanks for waiting."],
        ["my order still hasn't arrived.", "the app crashes every time I log in.", "I was charged twice for the same thing.",
         "the refund is not on my card yet.", "nobody answers the phone.", "the delivery was late again :("],
        ["Could you please check it?", "Can you tell me what's going on?", "Why is this taking so long??", "Please fix this now.",
         "This is ridiculous!!", "I really appreciate your help.", "Great, that worked, thank you so much!"],
        ["I'm so sorry to hear that.", "I understand how frustrating this must be.", "Let me check that for you right away.",
         "I'll make sure this gets sorted today.", "Could you tell me more about what happened when you tried to pay?",
         "Don't worry, your money is safe.", "Per our policy we can't refund opened items."],
    ]

    static let finnish: [[String]] = [
        ["Hei,", "Moi!", "Hyvää päivää,", "Kiitos odottamisesta."],
        ["tilaukseni ei ole vieläkään tullut.", "sovellus kaatuu aina kun kirjaudun.", "minulta veloitettiin kahdesti.",
         "palautusta ei ole vieläkään näkynyt tilillä.", "kukaan ei vastaa puhelimeen.", "paketti myöhästyi taas :("],
        ["Voisitteko tarkistaa asian?", "Voitko kertoa mitä tapahtuu?", "Miksi tässä kestää näin kauan??", "Korjatkaa tämä heti.",
         "Tää on ihan naurettavaa!!", "Kiitos todella paljon avusta!", "Loistavaa, nyt toimii, kiitos!"],
        ["Olen todella pahoillani kuulla tämän.", "Ymmärrän, että odottaminen turhauttaa.", "Tarkistan asian heti.",
         "Hoidan asian kuntoon tänään.", "Kertoisitko tarkemmin, mitä tapahtui kun yritit maksaa?",
         "Ei hätää, rahasi ovat turvassa.", "Käytäntöjemme mukaan avattuja tuotteita ei hyvitetä."],
    ]
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and the same on every platform.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
