/// Typed access to the cells of one row, with errors naming the file, line and column.
struct Cells {
    let table: TabSeparatedTable
    let row: [Substring]
    let line: Int

    func error(_ reason: String) -> CatalogError {
        .malformedResource(file: table.file, line: line, reason: reason)
    }

    func flag(_ column: Int) throws(CatalogError) -> Bool {
        switch row[column] {
        case "1": return true
        case "0": return false
        default: throw error("column '\(table.header[column])' must be 0 or 1, found '\(row[column])'")
        }
    }

    func int(_ column: Int) throws(CatalogError) -> Int {
        guard let value = Int(row[column]) else {
            throw error("column '\(table.header[column])' must be an integer, found '\(row[column])'")
        }
        return value
    }

    func optionalInt(_ column: Int) throws(CatalogError) -> Int? {
        row[column].isEmpty ? nil : try int(column)
    }

    func optionalDouble(_ column: Int) throws(CatalogError) -> Double? {
        if row[column].isEmpty { return nil }
        guard let value = Double(row[column]) else {
            throw error("column '\(table.header[column])' must be a number, found '\(row[column])'")
        }
        return value
    }

    func list(_ column: Int) -> [String] {
        row[column].split(separator: ",").map(String.init)
    }
}
