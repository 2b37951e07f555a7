import CSavyKernel
import SavyLexiconFormat

/// A compiled C lexicon: immutable once built, so it is shared by every thread.
final class KernelLexicon: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Names of the sources, indexed by the source number the kernel echoes in evidence.
    let sourceNames: [String]

    let language: Language

    /// Builds `language`'s lexicon from `sources`, later ones layered over earlier ones.
    init(language: Language, sources: [LexiconSource]) throws(LexiconError) {
        self.language = language
        guard let builder = CSavyKernel_Builder_create(language.kernelLanguage) else {
            throw LexiconError(file: "", line: 0, column: 0, message: "out of memory")
        }
        defer { CSavyKernel_Builder_destroy(builder) }
        for (index, source) in sources.enumerated() {
            let file: LexiconFile
            do {
                file = try LexiconFile(path: source.name, bytes: source.contents)
            } catch {
                throw LexiconError(error)
            }
            for entry in file.entries {
                let status = Self.apply(entry, kind: file.kind, source: UInt32(index), builder: builder)
                // A source for every language may remove what only some of them have.
                if status.ok == 0 && !(status.missing != 0 && source.language == nil) {
                    let message = withUnsafeBytes(of: status.message) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    throw LexiconError(file: source.name, line: entry.line, column: 1, message: "'\(entry.term)': \(message)")
                }
            }
        }
        guard let lexicon = CSavyKernel_Builder_finish(builder) else {
            throw LexiconError(file: "", line: 0, column: 0, message: "out of memory")
        }
        pointer = lexicon
        sourceNames = sources.map(\.name)
    }

    deinit {
        CSavyKernel_Lexicon_destroy(pointer)
    }

    var count: Int { CSavyKernel_Lexicon_count(pointer) }

    private static func apply(_ entry: LexiconFile.Entry, kind: LexiconFile.Kind, source: UInt32,
                              builder: OpaquePointer) -> CSavyKernel_BuildStatus {
        var term = entry.term
        return term.withUTF8 { bytes in
            let termKind: CSavyKernel_TermKind = switch kind {
            case .emoticons: CSavyKernel_TermEmoticon
            case .emoji: CSavyKernel_TermEmoji
            case .terms, .modifiers, .cues: CSavyKernel_TermWord
            case .normalisations: CSavyKernel_TermNormalisation
            }
            switch entry.value {
            case .standard(var standard):
                return standard.withUTF8 { standardBytes in
                    CSavyKernel_Builder_set_normalisation(builder, bytes.baseAddress, bytes.count,
                                                          standardBytes.baseAddress, standardBytes.count, source)
                }
            case .valence(let valence):
                return CSavyKernel_Builder_set_valence(builder, bytes.baseAddress, bytes.count, termKind, Float(valence), source)
            case .role(let role, let value):
                return CSavyKernel_Builder_set_role(builder, bytes.baseAddress, bytes.count, role.kernelRole, Float(value), source)
            case .cue(let cue, let weight):
                return CSavyKernel_Builder_set_cue(builder, bytes.baseAddress, bytes.count, cue.kernelCue, Float(weight), source)
            case .removeCue(let cue):
                return CSavyKernel_Builder_remove_cue(builder, bytes.baseAddress, bytes.count, cue.kernelCue)
            case .remove:
                return CSavyKernel_Builder_remove(builder, bytes.baseAddress, bytes.count, termKind, kind == .modifiers ? 1 : 0)
            }
        }
    }
}

extension Language {
    var kernelLanguage: CSavyKernel_Language {
        switch self {
        case .english: CSavyKernel_LanguageEnglish
        case .finnish: CSavyKernel_LanguageFinnish
        case .undetermined: CSavyKernel_LanguageUndetermined
        }
    }

    init(kernel: UInt8) {
        switch UInt32(kernel) {
        case CSavyKernel_LanguageEnglish.rawValue: self = .english
        case CSavyKernel_LanguageFinnish.rawValue: self = .finnish
        default: self = .undetermined
        }
    }
}

extension LexiconFile.Role {
    var kernelRole: CSavyKernel_Role {
        switch self {
        case .booster: CSavyKernel_RoleBooster
        case .dampener: CSavyKernel_RoleDampener
        case .negator: CSavyKernel_RoleNegator
        case .negatorNext: CSavyKernel_RoleNegatorNext
        case .contrast: CSavyKernel_RoleContrast
        case .concession: CSavyKernel_RoleConcession
        case .mask: CSavyKernel_RoleMask
        case .discourse: CSavyKernel_RoleDiscourse
        case .irrealis: CSavyKernel_RoleIrrealis
        case .negRaising: CSavyKernel_RoleNegRaising
        case .softener: CSavyKernel_RoleSoftener
        case .negativePolarity: CSavyKernel_RolePolarity
        case .reversesNegative: CSavyKernel_RoleReversesNegative
        case .reversesPositive: CSavyKernel_RoleReversesPositive
        case .feeling: CSavyKernel_RoleFeeling
        case .reply: CSavyKernel_RoleReply
        }
    }
}

extension LexiconFile.Cue {
    /// The kernel's number for the cue: both enumerations list the cues in the same order.
    var kernelCue: CSavyKernel_Cue {
        CSavyKernel_Cue(rawValue: UInt32(Self.allCases.firstIndex(of: self)!))
    }
}
