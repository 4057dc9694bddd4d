import Testing
@testable import NodePlanSolver

@Suite struct IndexBitmapTests {
    @Test func setOperationsAndAscendingIteration() {
        var left = IndexBitmap([3, 64, 130])
        let right = IndexBitmap([3, 5, 130, 200])
        var union = left
        union.formUnion(right)
        #expect(union.indices == [3, 5, 64, 130, 200])
        left.formIntersection(right)
        #expect(left.indices == [3, 130])
        #expect(left.count == 2)
        #expect(left.first == 3)
        #expect(IndexBitmap().isEmpty && IndexBitmap().first == nil)
        #expect(IndexBitmap(all: 70).indices == Array(0..<70))
    }

    @Test func equalSetsAreEqualWhateverTheirCapacity() {
        var grown = IndexBitmap([1, 300])
        grown.remove(300)
        #expect(grown == IndexBitmap([1]))
        #expect(grown.hashValue == IndexBitmap([1]).hashValue)
        #expect(grown != IndexBitmap([2]))
    }

    @Test func firstPositionSkipsHeldIndices() {
        let skipped = IndexBitmap([7, 2, 100])
        let order = [7, 2, 9, 100, 4]
        #expect(skipped.firstPosition(in: order, from: 0) == 2)
        #expect(skipped.firstPosition(in: order, from: 3) == 4)
        #expect(skipped.firstPosition(in: [7, 2], from: 0) == nil)
    }
}
