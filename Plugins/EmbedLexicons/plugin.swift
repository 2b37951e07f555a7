import Foundation
import PackagePlugin

/// Validates lexicons/**/*.tsv at build time (errors name file:line:column) and compiles
/// them into the Savy module. SwiftPM lists the files when it plans the build, so a newly
/// added lexicon file is seen after `touch Package.swift` (edits to existing files are seen
/// at once).
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let tool = try context.tool(named: "savy-embed-lexicons")
        let lexicons = context.package.directoryURL.appending(path: "lexicons")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "tsv" {
                inputs.append(url)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Validating and embedding lexicons",
                executable: tool.url,
                arguments: [lexicons.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
