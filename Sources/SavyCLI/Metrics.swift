/// Agreement measures for `savy eval`.
enum Metrics {
    /// Pearson correlation; nil when either side has no variance.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count)
        let n = Double(x.count)
        guard n > 1 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// A confusion matrix over `classes`: counts[gold][predicted].
    struct Confusion {
        let classes: [String]
        var counts: [[Int]]

        init(classes: [String]) {
            self.classes = classes
            counts = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
        }

        mutating func add(gold: Int, predicted: Int) { counts[gold][predicted] += 1 }

        var total: Int { counts.joined().reduce(0, +) }
        var accuracy: Double {
            total == 0 ? 0 : Double(classes.indices.map { counts[$0][$0] }.reduce(0, +)) / Double(total)
        }

        /// Precision, recall and F1 of class `c` (0 when undefined).
        func scores(of c: Int) -> (precision: Double, recall: Double, f1: Double) {
            let tp = Double(counts[c][c])
            let predicted = Double(classes.indices.map { counts[$0][c] }.reduce(0, +))
            let actual = Double(counts[c].reduce(0, +))
            let precision = predicted > 0 ? tp / predicted : 0
            let recall = actual > 0 ? tp / actual : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return (precision, recall, f1)
        }

        /// Unweighted mean of the per-class F1 scores.
        var macroF1: Double {
            classes.isEmpty ? 0 : classes.indices.map { scores(of: $0).f1 }.reduce(0, +) / Double(classes.count)
        }
    }
}
