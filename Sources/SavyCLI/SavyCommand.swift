import ArgumentParser

@main
struct SavyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "savy",
        abstract: "Score the sentiment of English text, above all customer-service chat.",
        discussion: """
            Examples:
              savy score "The agent was very helpful, thanks!"
              savy score --input chats.txt > scores.jsonl
              cat chats.txt | savy score --input - --explain
              savy eval labelled.tsv --gold-column label
            """,
        subcommands: [ScoreCommand.self, EvalCommand.self],
        defaultSubcommand: ScoreCommand.self
    )
}
