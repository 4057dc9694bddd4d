/// A tab-separated text file with a header line: the format of the bundled catalog resources.
struct TabSeparatedTable {
    let file: String
    let header: [Substring]
    let rows: [[Substring]]

    /// Splits `text` into lines and cells; every line must have as many cells as the header.
    init(file: String, text: String) throws(CatalogError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw .malformedResource(file: file, line: 1, reason: "no header line") }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
        var rows: [[Substring]] = []
        rows.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == header.count else {
                throw .malformedResource(file: file, line: offset + 2,
                                         reason: "\(cells.count) cells where the header has \(header.count)")
            }
            rows.append(cells)
        }
        self.file = file
        self.header = header
        self.rows = rows
    }

    /// Position of each `expected` column; throws naming the first missing one.
    func columns(_ expected: [String]) throws(CatalogError) -> [String: Int] {
        var positions: [String: Int] = [:]
        for name in expected {
            guard let position = header.firstIndex(where: { $0 == name }) else {
                throw .malformedResource(file: file, line: 1, reason: "missing column '\(name)'")
            }
            positions[name] = position
        }
        return positions
    }
}
