import { describe, expect, it } from "vitest";
import {
  eraYear,
  formatClock,
  formatDate,
  formatDateTime,
  formatTime,
  isoDate,
  parseDate,
} from "./dates";

const ja = { language: "ja", era: false } as const;
const jaEra = { language: "ja", era: true } as const;
const en = { language: "en", era: false } as const;

describe("formatDate", () => {
  it("writes a stored day in Japanese with its weekday, in 西暦 or 和暦", () => {
    expect(formatDate("2027-01-04", ja)).toBe("2027年1月4日（月）");
    expect(formatDate("2027-01-04", jaEra)).toBe("令和9年1月4日（月）");
    expect(formatDate("2026-12-04", ja)).toBe("2026年12月4日（金）");
  });

  it("writes the first year of an era as 元年 and knows the eras' first days", () => {
    expect(formatDate("2019-05-01", jaEra)).toBe("令和元年5月1日（水）");
    expect(formatDate("2019-04-30", jaEra)).toBe("平成31年4月30日（火）");
    expect(eraYear({ year: 1989, month: 1, day: 7 })).toBe("昭和64年");
    expect(eraYear({ year: 1989, month: 1, day: 8 })).toBe("平成元年");
    expect(eraYear({ year: 1872, month: 6, day: 1 })).toBe("1872年");
  });

  it("writes English day first, the Gregorian year always", () => {
    expect(formatDate("2027-01-04", en)).toBe("Mon 4 Jan 2027");
    expect(formatDate("2027-01-04", { language: "en", era: true })).toBe("Mon 4 Jan 2027");
  });

  it("keeps what is not a date as it is", () => {
    expect(formatDate("いつか", ja)).toBe("いつか");
  });
});

describe("formatTime and formatDateTime", () => {
  // A local time: the same on any machine whatever its time zone.
  const instant = new Date(2026, 11, 4, 15, 54, 23);

  it("writes the 24-hour clock: 15時54分, 9時05分", () => {
    expect(formatTime(instant, "ja")).toBe("15時54分");
    expect(formatTime(new Date(2026, 11, 4, 9, 5), "ja")).toBe("9時05分");
    expect(formatTime(instant, "en")).toBe("15:54");
  });

  it("a clock to the second (the operator's wall clock): 8:30:05", () => {
    expect(formatClock(instant)).toBe("15:54:23");
    expect(formatClock(new Date(2026, 11, 4, 8, 30, 5).getTime())).toBe("8:30:05");
  });

  it("puts the day and the time together, never in the US order of the OS locale", () => {
    expect(formatDateTime(instant, ja)).toBe("2026年12月4日（金） 15時54分");
    expect(formatDateTime(instant, jaEra)).toBe("令和8年12月4日（金） 15時54分");
    expect(formatDateTime(instant, en)).toBe("Fri 4 Dec 2026, 15:54");
  });

  it("reads an instant the backend sends in the machine's local time", () => {
    const utc = "2026-12-04T06:54:23Z";
    expect(formatDateTime(utc, ja)).toBe(formatDateTime(new Date(utc), ja));
  });
});

describe("parseDate", () => {
  const today = new Date(2026, 11, 4); // 2026年12月4日

  it("reads full dates as written in Japanese, in 和暦 or 西暦, half- or full-width", () => {
    for (const typed of [
      "2027-01-04",
      "2027/1/4",
      "2027.1.4",
      "2027年1月4日",
      "２０２７年１月４日",
      "令和9年1月4日",
      "令和９年１月４日（月）",
      "R9.1.4",
      "r9/1/4",
      " 2027 / 1 / 4 ",
    ]) {
      expect(parseDate(typed, today), typed).toBe("2027-01-04");
    }
    expect(parseDate("令和元年5月1日", today)).toBe("2019-05-01");
    expect(parseDate("平成31年4月30日", today)).toBe("2019-04-30");
  });

  it("reads back what the UI writes, in either language", () => {
    for (const style of [ja, jaEra, en]) {
      expect(parseDate(formatDate("2027-01-04", style), today), style.language).toBe("2027-01-04");
    }
    expect(parseDate("4 January 2027", today)).toBe("2027-01-04");
    expect(parseDate("Jan 4, 2027", today)).toBe("2027-01-04");
    expect(parseDate("Mon, 4 Jan 2027", today)).toBe("2027-01-04");
    expect(parseDate("4 Foo 2027", today)).toBeNull();
  });

  it("reads a month and day as the next such day, today included", () => {
    expect(parseDate("1/4", today)).toBe("2027-01-04");
    expect(parseDate("1月4日", today)).toBe("2027-01-04");
    expect(parseDate("12/4", today)).toBe("2026-12-04");
    expect(parseDate("12月25日", today)).toBe("2026-12-25");
    expect(parseDate("2/29", today)).toBe("2028-02-29");
  });

  it("refuses what is not a day of the calendar", () => {
    for (const typed of ["", "明日", "2027/2/30", "13/1", "令和9年13月1日", "X9.1.4", "2027/1"]) {
      expect(parseDate(typed, today), typed).toBeNull();
    }
  });

  it("gives the stored form of a local day", () => {
    expect(isoDate(new Date(2027, 0, 4, 23, 59))).toBe("2027-01-04");
  });
});
