// Writes the benchmark corpus to standard output, one line per text, so that other tools
// (VADER in scripts/compare_speed.py, `savy score`) score exactly the same bytes.
//
//   chat-corpus [en|fi|mixed] [lines] [seed]
import ChatCorpus
import Savy

let arguments = CommandLine.arguments
let language: Language? = switch arguments.count > 1 ? arguments[1] : "en" {
case "fi": .finnish
case "mixed": nil
default: .english
}
let count = arguments.count > 2 ? Int(arguments[2]) ?? 20_000 : 20_000
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
var output = ""
for line in ChatCorpus(seed: seed, language: language, count: count).lines {
    output += line
    output += "\n"
}
print(output, terminator: "")
