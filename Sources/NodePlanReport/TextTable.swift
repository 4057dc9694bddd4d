/// A plain-text table with aligned columns; numeric-looking cells are right-aligned.
public struct TextTable: Sendable {
    public var headers: [String]
    public private(set) var rows: [[String]] = []

    public init(headers: [String]) { self.headers = headers }

    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row has \(row.count) cells, table has \(headers.count) columns")
        rows.append(row)
    }

    /// The table as lines of text, two spaces between columns, a rule under the header.
    public func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return Self.isNumeric(cell) ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isNumeric(_ cell: String) -> Bool {
        guard let first = cell.first else { return false }
        return first.isNumber || first == "$" || (first == "-" && cell.count > 1)
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
