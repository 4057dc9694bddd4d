import Testing
@testable import NodePlanKube

@Suite struct DurationParserTests {
    @Test(arguments: [("720h", 2_592_000.0), ("30m", 1800), ("1h30m", 5400), ("90s", 90), ("0", 0), ("0s", 0),
                      ("1.5h", 5400), ("300ms", 0.3), ("2h45m30s", 9930)])
    func parsesGoDurations(text: String, seconds: Double) {
        #expect(DurationParser.seconds(text) == seconds)
    }

    @Test(arguments: ["", "30", "1d", "h", "1h30", "abc", "1.2.3h"])
    func rejectsMalformed(text: String) {
        #expect(DurationParser.seconds(text) == nil)
    }
}

@Suite struct TimestampParserTests {
    @Test(arguments: [("1970-01-01T00:00:00Z", 0.0), ("2026-11-20T09:15:02Z", 1_795_166_102),
                      ("2026-11-20T11:15:02+02:00", 1_795_166_102), ("2000-02-29T12:00:00.5Z", 951_825_600.5),
                      ("1969-12-31T23:00:00-01:00", 0)])
    func parsesRFC3339(text: String, seconds: Double) {
        #expect(TimestampParser.secondsSinceEpoch(text) == seconds)
    }

    @Test(arguments: ["2026-11-20", "2026-13-01T00:00:00Z", "2026-11-20T09:15:02", "yesterday", "2026-11-20T09:15:02Zx"])
    func rejectsMalformed(text: String) {
        #expect(TimestampParser.secondsSinceEpoch(text) == nil)
    }
}
