import ArgumentParser
import Foundation
import Savy

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure agreement with a labelled TSV file.",
        discussion: """
            The file is tab-separated with a header row. Gold values are either labels
            (positive, neutral, negative) or numbers (e.g. mean ratings on -4..4):
              labels  -> 3-class macro-F1, per-class precision/recall/F1, confusion matrix
              numbers -> Pearson r against compound, and macro-F1 with gold neutral when
                         |gold| <= --neutral-band (default 0.2)
            Predicted labels: positive at compound >= 0.05, negative at <= -0.05.

            Examples:
              savy eval ../shared/eval/en/vader_tweets.tsv --gold-column mean_rating
              savy eval ../shared/eval/en/xed_en_dev.tsv --json
            """
    )

    @Argument(help: "The labelled TSV file.")
    var path: String

    @Option(help: "The column holding the text.")
    var textColumn = "text"

    @Option(help: "The column holding gold labels or numbers (default: label, else the first numeric column).")
    var goldColumn: String?

    @Option(help: "With numeric gold, |gold| at most this is neutral.")
    var neutralBand = 0.2

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @OptionGroup var lexiconOptions: LexiconOptions

    func run() throws {
        let analyzer = try lexiconOptions.makeAnalyzer()
        let table = try LabelledTable(path: path, textColumn: textColumn, goldColumn: goldColumn)
        let analyses = analyzer.score(table.texts)
        let compounds = analyses.map(\.sentiment.compound)
        let classes = ["positive", "neutral", "negative"]
        var confusion = Metrics.Confusion(classes: classes)
        var pearson: Double?
        switch table.gold {
        case .labels(let labels):
            for (label, analysis) in zip(labels, analyses) {
                confusion.add(gold: classes.firstIndex(of: label)!, predicted: classes.firstIndex(of: analysis.sentiment.label.rawValue)!)
            }
        case .numbers(let numbers):
            pearson = Metrics.pearson(compounds, numbers)
            for (gold, analysis) in zip(numbers, analyses) {
                let goldClass = abs(gold) <= neutralBand ? 1 : (gold > 0 ? 0 : 2)
                confusion.add(gold: goldClass, predicted: classes.firstIndex(of: analysis.sentiment.label.rawValue)!)
            }
        }
        if json {
            var object: [String: Any] = [
                "file": path, "rows": table.texts.count, "goldColumn": table.goldColumn,
                "macroF1": confusion.macroF1, "accuracy": confusion.accuracy,
                "perClass": Dictionary(uniqueKeysWithValues: classes.indices.map { c in
                    let s = confusion.scores(of: c)
                    return (classes[c], ["precision": s.precision, "recall": s.recall, "f1": s.f1])
                }),
            ]
            // confusion[gold][predicted]
            object["confusion"] = Dictionary(uniqueKeysWithValues: classes.indices.map { g in
                (classes[g], Dictionary(uniqueKeysWithValues: classes.indices.map { p in (classes[p], confusion.counts[g][p]) }))
            })
            if let pearson { object["pearson"] = pearson }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("\(path): \(table.texts.count) rows, gold column '\(table.goldColumn)'")
        if let pearson { print(String(format: "Pearson r (compound vs gold): %.3f", pearson)) }
        print(String(format: "3-class macro-F1: %.3f   accuracy: %.3f", confusion.macroF1, confusion.accuracy))
        print("")
        print("class       precision  recall     F1")
        for c in classes.indices {
            let s = confusion.scores(of: c)
            print(String(format: "%-10@  %9.3f  %6.3f  %5.3f", classes[c] as NSString, s.precision, s.recall, s.f1))
        }
        print("")
        print("confusion (rows gold, columns predicted)")
        print("            positive   neutral  negative")
        for g in classes.indices {
            print(String(format: "%-10@ %9d %9d %9d", classes[g] as NSString, confusion.counts[g][0], confusion.counts[g][1], confusion.counts[g][2]))
        }
    }
}

/// A TSV with a header, a text column and a gold column.
struct LabelledTable {
    enum Gold {
        case labels([String])
        case numbers([Double])
    }

    var texts: [String] = []
    var gold: Gold
    var goldColumn: String

    init(path: String, textColumn: String, goldColumn requested: String?) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let headerLine = lines.first else { throw ValidationError("\(path): empty file") }
        let header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let textIndex = header.firstIndex(of: textColumn) else {
            throw ValidationError("\(path):1: no column '\(textColumn)'; columns are: \(header.joined(separator: ", "))")
        }
        let rows = lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .init(charactersIn: "\r")) } }
        let goldName: String
        if let requested {
            goldName = requested
        } else if header.contains("label") {
            goldName = "label"
        } else if let numeric = header.indices.first(where: { i in i != textIndex && header[i].lowercased() != "id" && rows.prefix(20).allSatisfy { i < $0.count && Double($0[i]) != nil } }) {
            goldName = header[numeric]
        } else {
            throw ValidationError("\(path):1: no gold column found; name one with --gold-column")
        }
        guard let goldIndex = header.firstIndex(of: goldName) else {
            throw ValidationError("\(path):1: no column '\(goldName)'; columns are: \(header.joined(separator: ", "))")
        }
        goldColumn = goldName
        var labels: [String] = [], numbers: [Double] = []
        let numeric = rows.prefix(20).allSatisfy { goldIndex < $0.count && Double($0[goldIndex]) != nil }
        for (offset, row) in rows.enumerated() {
            let line = offset + 2
            guard row.count > max(textIndex, goldIndex) else {
                throw ValidationError("\(path):\(line): expected \(header.count) fields, found \(row.count)")
            }
            texts.append(row[textIndex])
            let value = row[goldIndex]
            if numeric {
                guard let number = Double(value) else { throw ValidationError("\(path):\(line): gold '\(value)' is not a number") }
                numbers.append(number)
            } else {
                guard ["positive", "neutral", "negative"].contains(value) else {
                    throw ValidationError("\(path):\(line): gold label '\(value)' is not positive, neutral or negative")
                }
                labels.append(value)
            }
        }
        gold = numeric ? .numbers(numbers) : .labels(labels)
    }
}
