//! 和暦: the Japanese era calendar, for dates as they are written in an address.

use time::macros::date;
use time::Date;

/// Eras from the newest back, each with its first day in the Gregorian calendar.
///
/// 明治 counts its years from 1868 (明治元年), but see [`GREGORIAN_ADOPTED`].
const ERAS: [(&str, Date); 5] = [
    ("令和", date!(2019 - 05 - 01)),
    ("平成", date!(1989 - 01 - 08)),
    ("昭和", date!(1926 - 12 - 25)),
    ("大正", date!(1912 - 07 - 30)),
    ("明治", date!(1868 - 01 - 01)),
];

/// 明治6年1月1日, when Japan adopted the Gregorian calendar. Before it, month and day of the
/// old calendar do not match, so earlier dates are written in 西暦.
const GREGORIAN_ADOPTED: Date = date!(1873 - 01 - 01);

/// The era year of a date: 令和9年, 令和元年, 平成31年; 西暦 (1872年) before 1873.
pub fn era_year(date: Date) -> String {
    match ERAS.iter().find(|(_, start)| date >= *start) {
        Some((name, start)) if date >= GREGORIAN_ADOPTED => match date.year() - start.year() + 1 {
            1 => format!("{name}元年"),
            n => format!("{name}{n}年"),
        },
        _ => format!("{}年", date.year()),
    }
}

/// A date as written in an address: 令和9年1月4日.
pub fn japanese_date(date: Date) -> String {
    format!(
        "{}{}月{}日",
        era_year(date),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_boundaries() {
        let cases = [
            (date!(2019 - 04 - 30), "平成31年"),
            (date!(2019 - 05 - 01), "令和元年"),
            (date!(2019 - 12 - 31), "令和元年"),
            (date!(2020 - 01 - 01), "令和2年"),
            (date!(2027 - 01 - 04), "令和9年"),
            (date!(1989 - 01 - 07), "昭和64年"),
            (date!(1989 - 01 - 08), "平成元年"),
            (date!(1926 - 12 - 25), "昭和元年"),
            (date!(1926 - 12 - 24), "大正15年"),
            (date!(1873 - 01 - 01), "明治6年"),
            (date!(1872 - 12 - 31), "1872年"),
        ];
        for (date, expected) in cases {
            assert_eq!(era_year(date), expected, "{date}");
        }
    }

    #[test]
    fn dates_are_written_with_the_era() {
        assert_eq!(japanese_date(date!(2027 - 01 - 04)), "令和9年1月4日");
        assert_eq!(japanese_date(date!(2019 - 05 - 01)), "令和元年5月1日");
        assert_eq!(japanese_date(date!(2019 - 04 - 30)), "平成31年4月30日");
    }
}
