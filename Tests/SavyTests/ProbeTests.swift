import Testing
import Foundation
@testable import Savy

@Test func probe() throws {
    let a = try Analyzer()
    let texts = (try? String(contentsOfFile: "/tmp/probe.txt", encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    for t in texts {
        let r = a.score(t, explain: true)
        print("PROBE \(t.debugDescription) => \(r.sentiment.compound) \(r.sentiment.label)")
        for e in r.evidence ?? [] {
            print("    \(e.kind) '\(e.text)' \(e.range.start)..<\(e.range.end) -> '\(e.target)' \(e.effect) \(e.source ?? "-")")
        }
    }
}
