import NodePlanModel

/// A disruption budget's cron schedule (5 fields, UTC, or an `@daily`-style macro), read
/// independently of the solver: the budget holds while the schedule fired less than its duration ago.
struct BudgetSchedule {
    /// Allowed values of minute, hour, day of month, month, day of week (0 = Sunday).
    private let fields: [Set<Int>]
    /// Cron's rule: when both day fields are restricted, either one matching is enough.
    private let eitherDay: Bool

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
    private static let names: [[String]] = [[], [], [],
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]]

    /// nil when `text` is not a schedule cron accepts.
    init?(_ text: String) {
        let trimmed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let parts = (Self.macros[trimmed.lowercased()] ?? trimmed).split(separator: " ")
        guard parts.count == 5 else { return nil }
        var fields: [Set<Int>] = []
        for (index, part) in parts.enumerated() {
            guard let values = Self.values(of: Substring(part.lowercased()), field: index) else { return nil }
            fields.append(values)
        }
        if fields[4].remove(7) != nil { fields[4].insert(0) }
        self.fields = fields
        eitherDay = !parts[2].hasPrefix("*") && !parts[4].hasPrefix("*")
    }

    /// Whether the schedule fired in a minute starting less than `duration` seconds before `time`.
    func isOpen(at time: Double, duration: Double) -> Bool {
        var minute = Int((time / 60).rounded(.down))
        while time - Double(minute * 60) < duration {
            if fires(minute: minute) { return true }
            minute -= 1
        }
        return false
    }

    private func fires(minute: Int) -> Bool {
        let day = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440
        let minuteOfDay = minute - day * 1440
        guard fields[0].contains(minuteOfDay % 60), fields[1].contains(minuteOfDay / 60) else { return false }
        // Civil date from days since 1970-01-01 (proleptic Gregorian).
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        guard fields[3].contains(month) else { return false }
        let weekday = ((day % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday.
        let dayOfMonthMatches = fields[2].contains(dayOfMonth)
        let weekdayMatches = fields[4].contains(weekday)
        return eitherDay ? dayOfMonthMatches || weekdayMatches : dayOfMonthMatches && weekdayMatches
    }

    /// The values a comma-separated list of `*`, `a`, `a-b`, each optionally `/step`, stands for.
    private static func values(of text: Substring, field: Int) -> Set<Int>? {
        let range = ranges[field]
        var result = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { return nil }
                step = parsed
            }
            let low: Int
            var high: Int
            if pieces[0] == "*" {
                (low, high) = (range.lowerBound, range.upperBound)
            } else {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count), let first = number(bounds[0], field: field) else { return nil }
                low = first
                high = first
                if bounds.count == 2 {
                    guard let last = number(bounds[1], field: field) else { return nil }
                    high = last
                } else if pieces.count == 2 {
                    high = range.upperBound
                }
            }
            guard range.contains(low), range.contains(high), low <= high else { return nil }
            result.formUnion(stride(from: low, through: high, by: step))
        }
        return result
    }

    private static func number(_ text: Substring, field: Int) -> Int? {
        if let value = Int(text) { return value }
        guard let index = names[field].firstIndex(of: String(text)) else { return nil }
        return field == 3 ? index + 1 : index
    }
}
