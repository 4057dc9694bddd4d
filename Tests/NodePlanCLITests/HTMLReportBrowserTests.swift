import Foundation
import Testing

/// The report of `nodeplan solve --html` in headless Chromium (Debian's `chromium`, installed by
/// scripts/install-deps.sh): the rendered DOM has the packing picture and a screenshot is drawn.
@Suite struct HTMLReportBrowserTests {
    static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))

    static let consolidation = ["examples/workshop/azure-westus2.yaml", "examples/workshop/2-consolidation/nodepool.yaml",
                                "examples/workshop/2-consolidation/nodes.yaml", "examples/workshop/2-consolidation/pods.yaml"]

    /// Runs headless Chromium on `page` with `arguments`; returns standard output.
    static func chromium(_ arguments: [String], page: URL, profile: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(profile.path)"] + arguments + [page.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: chromium != nil, "needs chromium (scripts/install-deps.sh)"))
    func reportShowsABarPairPerNodeAndRendersAScreenshot() throws {
        let directory = try NodePlanProcess.temporaryDirectory()
        let page = directory.appendingPathComponent("report.html")
        let solved = try NodePlanProcess.run(["solve", "--consolidate", "-o", "json", "--html", page.path] + Self.consolidation)
        #expect(solved.status == 0, "\(solved.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any])
        let launches = (plan["launches"] as? [Any])?.count ?? 0
        #expect(launches > 0)

        let dom = try Self.chromium(["--dump-dom"], page: page, profile: directory.appendingPathComponent("profile"))
        #expect(dom.status == 0)
        let nodes = dom.output.components(separatedBy: "<svg class=\"fill\"").dropFirst()
        #expect(nodes.count >= launches, "every new node and every existing node that keeps pods has a picture")
        #expect(dom.output.components(separatedBy: "<div class=\"node new\">").count - 1 == launches)
        for node in nodes {
            let body = String(node[..<(node.range(of: "</svg>")?.lowerBound ?? node.endIndex)])
            #expect(body.components(separatedBy: "class=\"capacity\"").count - 1 == 2, "a CPU and a memory bar: \(body.prefix(120))")
            #expect(body.contains("<rect class=\"cpu\""), "CPU filled by pods")
            #expect(body.contains("<rect class=\"memory\""), "memory filled by pods")
        }
        #expect(dom.output.contains("<table id=\"launches\">"))
        #expect(dom.output.contains("<p class=\"cost\" id=\"cost\">Cost before"))

        let screenshot = directory.appendingPathComponent("report.png")
        let shot = try Self.chromium(["--window-size=1200,900", "--screenshot=\(screenshot.path)"], page: page,
                                     profile: directory.appendingPathComponent("profile"))
        #expect(shot.status == 0)
        let png = try #require(FileManager.default.contents(atPath: screenshot.path))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        func bigEndian(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == 1200 && bigEndian(20) == 900, "IHDR width and height")
        #expect(png.count > 30_000, "a blank 1200×900 page compresses to a few KB; the report's tables and bars do not")
    }
}
