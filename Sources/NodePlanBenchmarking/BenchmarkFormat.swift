/// Fixed-width benchmark tables whose rows can be printed one by one as they finish.
public enum BenchmarkFormat {
    /// Cells padded to `widths`: the first left-aligned, the rest right-aligned, one space apart.
    public static func row(_ cells: [String], widths: [Int]) -> String {
        cells.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
            return column == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }
}
