@testable import NodePlanSolver
import Testing

@Suite struct CronScheduleTests {
    /// Seconds since the epoch of 1970-01-`day` at `hour`:`minute` UTC (day 1 was a Thursday).
    func january1970(day: Int, hour: Int, minute: Int = 0) -> Double {
        Double(((day - 1) * 24 + hour) * 3600 + minute * 60)
    }

    @Test func stepsListsAndRanges() throws {
        let quarterHours = try #require(CronSchedule("*/15 8-10,14 * * *"))
        #expect(quarterHours.fires(at: january1970(day: 2, hour: 8, minute: 45)))
        #expect(quarterHours.fires(at: january1970(day: 2, hour: 14, minute: 0) + 59))
        #expect(!quarterHours.fires(at: january1970(day: 2, hour: 8, minute: 50)))
        #expect(!quarterHours.fires(at: january1970(day: 2, hour: 11, minute: 0)))
        let fromTen = try #require(CronSchedule("10/20 * * * *"))
        #expect(fromTen.fires(at: january1970(day: 1, hour: 0, minute: 50)))
        #expect(!fromTen.fires(at: january1970(day: 1, hour: 0, minute: 0)))
    }

    @Test func namesAndSundayAsSeven() throws {
        let weekdays = try #require(CronSchedule("0 9 * JAN MON-FRI"))
        #expect(weekdays.fires(at: january1970(day: 5, hour: 9)))  // Monday
        #expect(!weekdays.fires(at: january1970(day: 4, hour: 9)))  // Sunday
        let sunday = try #require(CronSchedule("0 0 * * 7"))
        #expect(sunday.fires(at: january1970(day: 4, hour: 0)))
    }

    @Test func restrictedDayFieldsMatchEitherDay() throws {
        // The 10th of the month or any Monday, as cron defines it.
        let schedule = try #require(CronSchedule("0 0 10 * 1"))
        #expect(schedule.fires(at: january1970(day: 10, hour: 0)))  // Saturday the 10th
        #expect(schedule.fires(at: january1970(day: 12, hour: 0)))  // Monday the 12th
        #expect(!schedule.fires(at: january1970(day: 13, hour: 0)))
    }

    @Test func macrosAndLeapDays() throws {
        let yearly = try #require(CronSchedule("@yearly"))
        #expect(yearly.fires(at: 946_684_800))  // 2000-01-01 00:00 UTC
        let leapDay = try #require(CronSchedule("30 12 29 2 *"))
        #expect(leapDay.fires(at: 951_827_400))  // 2000-02-29 12:30 UTC
        #expect(CronSchedule("@hourly")?.fires(at: 3600) == true)
    }

    @Test func windowsOpenAtTheScheduleForTheDuration() throws {
        let nine = try #require(CronSchedule("0 9 * * *"))
        #expect(nine.windowContains(january1970(day: 3, hour: 9), duration: 60))
        #expect(nine.windowContains(january1970(day: 3, hour: 9, minute: 59), duration: 3600))
        #expect(!nine.windowContains(january1970(day: 3, hour: 10), duration: 3600))
        #expect(!nine.windowContains(january1970(day: 3, hour: 8, minute: 59), duration: 3600))
    }

    @Test func malformedSchedulesAreRejected() {
        for expression in ["", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
                           "*/0 * * * *", "5-1 * * * *", "* * * FOO *", "@often"] {
            #expect(CronSchedule(expression) == nil, "\(expression)")
        }
    }
}
