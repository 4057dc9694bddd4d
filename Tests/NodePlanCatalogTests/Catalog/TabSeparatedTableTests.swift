@testable import NodePlanCatalog
import Testing

@Suite struct TabSeparatedTableTests {
    @Test func splitsHeaderAndRowsKeepingEmptyCells() throws {
        let table = try TabSeparatedTable(file: "t.tsv", text: "a\tb\tc\n1\t\t3\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "", "3"]])
        #expect(try table.columns(["c", "a"]) == ["c": 2, "a": 0])
    }

    @Test func rowWithWrongCellCountIsAnErrorNamingTheLine() {
        #expect(throws: CatalogError.malformedResource(file: "t.tsv", line: 3, reason: "2 cells where the header has 3")) {
            try TabSeparatedTable(file: "t.tsv", text: "a\tb\tc\n1\t2\t3\n1\t2\n")
        }
    }

    @Test func missingColumnIsAnError() throws {
        let table = try TabSeparatedTable(file: "t.tsv", text: "a\tb\n")
        #expect(throws: CatalogError.malformedResource(file: "t.tsv", line: 1, reason: "missing column 'z'")) {
            try table.columns(["a", "z"])
        }
    }
}
