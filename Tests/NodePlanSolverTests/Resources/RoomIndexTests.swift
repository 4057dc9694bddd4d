import Testing
@testable import NodePlanSolver

@Suite struct RoomIndexTests {
    /// Rooms and requests drawn from a small range, so ties, zero and negative rooms all occur.
    private struct Draw {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int64>) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int64((state >> 33) % UInt64(range.upperBound - range.lowerBound + 1))
        }
    }

    @Test(arguments: [1, 63, 64, 65, 200])
    func keepsExactlyTheOptionsWhoseRoomHoldsTheRequests(optionCount: Int) {
        var draw = Draw(state: UInt64(optionCount))
        let resources = 3
        let rooms = (0..<optionCount).map { _ in
            var room = ResourceVector(count: resources)
            for position in 0..<resources { room[position] = draw.next(-2...8) }
            return room
        }
        let index = RoomIndex(rooms: rooms, resourceCount: resources)
        for _ in 0..<50 {
            var requests = ResourceVector(count: resources)
            for position in 0..<resources { requests[position] = draw.next(0...8) }
            var candidates = IndexBitmap(all: optionCount)
            candidates.remove(0)
            var kept = candidates
            index.keepFitting(requests, in: &kept)
            let expected = (1..<optionCount).filter { option in
                (0..<resources).allSatisfy { requests[$0] <= rooms[option][$0] }
            }
            #expect(kept.indices == expected)
        }
    }
}
