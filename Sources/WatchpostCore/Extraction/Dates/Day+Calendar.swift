/// Calendar steps the date grammar needs: weeks, months, weekdays counted back from a day.
extension Day {
    /// The last day with ISO weekday `weekday` on or before this one.
    func last(weekday: Int) -> Day { adding(days: -((self.weekday - weekday + 7) % 7)) }

    /// The Monday of this day's ISO week.
    var mondayOfWeek: Day { adding(days: -(weekday - 1)) }

    var firstOfMonth: Day { Day(ordinal: ordinal - (day - 1)) }

    var lastOfMonth: Day { adding(days: Day.daysIn(month: month, year: year) - day) }

    /// The first day of the month `months` months away (negative: back).
    func firstOfMonth(adding months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return Day(year: y, month: index - y * 12 + 1, day: 1)!
    }
}
