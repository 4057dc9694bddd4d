/// A standard 5-field cron schedule (minute, hour, day of month, month, day of week), evaluated in
/// UTC, as Karpenter's disruption budgets use it. Accepts `*`, lists, ranges, `/` steps, month and
/// weekday names, and the macros `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`,
/// `@midnight` and `@hourly`.
struct CronSchedule: Hashable, Sendable {
    private var minutes: Set<Int>
    private var hours: Set<Int>
    private var daysOfMonth: Set<Int>
    private var months: Set<Int>
    private var daysOfWeek: Set<Int>
    /// Cron's rule: when both day fields are restricted, a day matching either one fires.
    private var dayOfMonthRestricted: Bool
    private var dayOfWeekRestricted: Bool

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// Parses `expression`; nil when it is not a valid schedule.
    init?(_ expression: String) {
        let trimmed = expression.trimmingSpaces
        let fields = (Self.macros[trimmed.lowercased()] ?? trimmed).split(separator: " ").map(String.init)
        guard fields.count == 5,
              let minutes = Self.field(fields[0], range: 0...59, names: []),
              let hours = Self.field(fields[1], range: 0...23, names: []),
              let daysOfMonth = Self.field(fields[2], range: 1...31, names: []),
              let months = Self.field(fields[3], range: 1...12, names: Self.monthNames, firstNameValue: 1),
              var daysOfWeek = Self.field(fields[4], range: 0...7, names: Self.dayNames, firstNameValue: 0)
        else { return nil }
        if daysOfWeek.remove(7) != nil { daysOfWeek.insert(0) }
        self.minutes = minutes
        self.hours = hours
        self.daysOfMonth = daysOfMonth
        self.months = months
        self.daysOfWeek = daysOfWeek
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
    }

    /// Whether the schedule fires in the minute containing `time` (seconds since the Unix epoch).
    func fires(at time: Double) -> Bool {
        let minuteOfEpoch = Int((time / 60).rounded(.down))
        let (days, minuteOfDay) = minuteOfEpoch.quotientAndFloorRemainder(dividingBy: 1440)
        guard minutes.contains(minuteOfDay % 60), hours.contains(minuteOfDay / 60) else { return false }
        let date = CivilDate(daysSinceEpoch: days)
        guard months.contains(date.month) else { return false }
        let weekday = (days % 7 + 7 + 4) % 7  // 1970-01-01 was a Thursday.
        let dayOfMonthMatches = daysOfMonth.contains(date.day)
        let dayOfWeekMatches = daysOfWeek.contains(weekday)
        if dayOfMonthRestricted && dayOfWeekRestricted { return dayOfMonthMatches || dayOfWeekMatches }
        return dayOfMonthMatches && dayOfWeekMatches
    }

    /// Whether a window of `duration` seconds opened by this schedule contains `time`: the schedule
    /// fired in some minute that starts less than `duration` before `time`.
    func windowContains(_ time: Double, duration: Double) -> Bool {
        let currentMinute = (time / 60).rounded(.down) * 60
        var start = currentMinute
        while time - start < duration {
            if fires(at: start) { return true }
            start -= 60
        }
        return false
    }

    private static func field(_ text: String, range: ClosedRange<Int>, names: [String],
                              firstNameValue: Int = 0) -> Set<Int>? {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let stepParts = part.split(separator: "/", omittingEmptySubsequences: false)
            guard stepParts.count <= 2 else { return nil }
            var step = 1
            if stepParts.count == 2 {
                guard let parsed = Int(stepParts[1]), parsed > 0 else { return nil }
                step = parsed
            }
            let base = stepParts[0]
            var low: Int
            var high: Int
            if base == "*" {
                (low, high) = (range.lowerBound, range.upperBound)
            } else {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2,
                      let first = value(bounds[0], names: names, firstNameValue: firstNameValue) else { return nil }
                low = first
                high = first
                if bounds.count == 2 {
                    guard let last = value(bounds[1], names: names, firstNameValue: firstNameValue) else { return nil }
                    high = last
                } else if stepParts.count == 2 {
                    high = range.upperBound
                }
            }
            guard range.contains(low), range.contains(high), low <= high else { return nil }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values
    }

    private static func value(_ text: Substring, names: [String], firstNameValue: Int) -> Int? {
        if let number = Int(text) { return number }
        return names.firstIndex(of: text.uppercased()).map { $0 + firstNameValue }
    }
}

/// A proleptic Gregorian date in UTC.
private struct CivilDate {
    var month: Int
    var day: Int

    /// Howard Hinnant's `civil_from_days`.
    init(daysSinceEpoch: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    }
}

private extension Int {
    func quotientAndFloorRemainder(dividingBy divisor: Int) -> (Int, Int) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
