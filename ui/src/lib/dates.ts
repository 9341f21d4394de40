// Dates and times as the UI writes and reads them, whatever the OS locale: 2027年1月4日（月）,
// 15時54分, 令和9年1月4日（月） with 和暦 on; "Mon 4 Jan 2027", "15:54" in English. Reading
// accepts what a writer types: 2027-01-04, 2027/1/4, 2027年1月4日, 令和9年1月4日, R9.1.4,
// full-width digits, 1/4 or 1月4日 for the next such day, and what either language writes. The only place the UI formats
// or parses a date (no toLocaleString: it follows the OS, not the UI's language).

export type Language = "ja" | "en";

export interface DateStyle {
  language: Language;
  /** 和暦 (令和9年) in Japanese; English always writes the Gregorian year. */
  era: boolean;
}

/** Eras from the newest back: name, Latin initial, first day (as the core's templates/era.rs). */
const ERAS: [string, string, number, number, number][] = [
  ["令和", "R", 2019, 5, 1],
  ["平成", "H", 1989, 1, 8],
  ["昭和", "S", 1926, 12, 25],
  ["大正", "T", 1912, 7, 30],
  ["明治", "M", 1868, 1, 1],
];
/** Before 明治6年 the old calendar's months were not the Gregorian ones: 西暦 only. */
const GREGORIAN_ADOPTED = 1873;

const WEEKDAYS_JA = "日月火水木金土";
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** A calendar day, without a time or a time zone. */
interface Day {
  year: number;
  month: number;
  day: number;
}

/** `2027-01-04` is that calendar day; an instant (`2026-12-04T06:54:23Z`) is the local day. */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]));
  return new Date(value);
}

const dayOf = (date: Date): Day => ({
  year: date.getFullYear(),
  month: date.getMonth() + 1,
  day: date.getDate(),
});

const compareDays = (a: Day, b: Day) => a.year - b.year || a.month - b.month || a.day - b.day;

/** 令和9年, 令和元年, 平成31年; 1872年 before the Gregorian calendar. */
export function eraYear(day: Day): string {
  const era = ERAS.find(
    ([, , year, month, date]) => compareDays(day, { year, month, day: date }) >= 0,
  );
  if (!era || day.year < GREGORIAN_ADOPTED) return `${day.year}年`;
  const n = day.year - era[2] + 1;
  return `${era[0]}${n === 1 ? "元" : n}年`;
}

/** 2027年1月4日（月）, 令和9年1月4日（月）, or "Mon 4 Jan 2027". */
export function formatDate(value: Date | string, style: DateStyle): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const day = dayOf(date);
  if (style.language === "en") {
    return `${WEEKDAYS_EN[date.getDay()]} ${day.day} ${MONTHS_EN[day.month - 1]} ${day.year}`;
  }
  const year = style.era ? eraYear(day) : `${day.year}年`;
  return `${year}${day.month}月${day.day}日（${WEEKDAYS_JA[date.getDay()]}）`;
}

/** 15時54分, 9時05分 ("15:54", "9:05"): the 24-hour clock in both languages. */
export function formatTime(value: Date | string, language: Language): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const minutes = String(date.getMinutes()).padStart(2, "0");
  return language === "ja" ? `${date.getHours()}時${minutes}分` : `${date.getHours()}:${minutes}`;
}

/** 8:30:05, 15:54:00: a clock to the second, the same in both languages. */
export function formatClock(value: Date | number): string {
  const date = new Date(value);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getHours()}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** 2027年1月4日（月）15時54分, or "Mon 4 Jan 2027, 15:54". */
export function formatDateTime(value: Date | string, style: DateStyle): string {
  const separator = style.language === "ja" ? " " : ", ";
  return `${formatDate(value, style)}${separator}${formatTime(value, style.language)}`;
}

/** `2027-01-04`: the form the backend stores (the local day, not UTC's). */
export function isoDate(value: Date): string {
  const { year, month, day } = dayOf(value);
  return [year, month, day]
    .map((n, index) => String(n).padStart(index === 0 ? 4 : 2, "0"))
    .join("-");
}

/** Full-width digits and separators as ASCII, spaces and a weekday （月） dropped. */
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[(（][日月火水木金土](?:曜日?)?[)）]/g, "")
    .replace(/\s+/g, "")
    .trim();
}

const validDay = (day: Day) => {
  const date = new Date(day.year, day.month - 1, day.day);
  return (
    day.month >= 1 &&
    day.month <= 12 &&
    date.getFullYear() === day.year &&
    date.getMonth() === day.month - 1 &&
    date.getDate() === day.day
  );
};

/** The Gregorian year of an era's year (令和9 → 2027); null for an unknown era. */
function gregorianYear(era: string, year: number): number | null {
  const found = ERAS.find(([name, initial]) => era === name || era.toUpperCase() === initial);
  return found ? found[2] + year - 1 : null;
}

/**
 * A date a writer typed, as `2027-01-04`; null when it is not one. A month and day alone
 * (1/4, 1月4日) is the next such day from `today` (today itself included).
 */
export function parseDate(text: string, today: Date): string | null {
  const typed = normalise(text);
  const day = readDay(typed, dayOf(today));
  return day && validDay(day) ? isoDate(new Date(day.year, day.month - 1, day.day)) : null;
}

function readDay(typed: string, today: Day): Day | null {
  const numbers = (match: RegExpExecArray, from: number) =>
    match.slice(from, from + 3).map((part) => Number(part));
  // 令和9年1月4日, 令和元年5月1日, R9.1.4, R9/1/4
  const era =
    /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(\d{1,2}|元)[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(
      typed,
    );
  if (era) {
    const year = gregorianYear(era[1], era[2] === "元" ? 1 : Number(era[2]));
    return year === null ? null : { year, month: Number(era[3]), day: Number(era[4]) };
  }
  // 2027-01-04, 2027/1/4, 2027.1.4, 2027年1月4日
  const full = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(typed);
  if (full) {
    const [year, month, day] = numbers(full, 1);
    return { year, month, day };
  }
  // Mon 4 Jan 2027 (as the English UI writes it), 4 January 2027, Jan 4, 2027
  const english =
    /^(?:[a-z]{3,}\.?,?)??(\d{1,2})([a-z]{3,})\.?,?(\d{4})$/i.exec(typed) ??
    /^(?:[a-z]{3,}\.?,?)??([a-z]{3,})\.?(\d{1,2}),?(\d{4})$/i.exec(typed);
  if (english) {
    const [day, name] = /^\d/.test(english[1])
      ? [english[1], english[2]]
      : [english[2], english[1]];
    const month =
      MONTHS_EN.findIndex((month) => name.toLowerCase().startsWith(month.toLowerCase())) + 1;
    return month === 0 ? null : { year: Number(english[3]), month, day: Number(day) };
  }
  // 1/4, 1月4日: the next 1月4日, today included (2/29: the next leap year's)
  const short = /^(\d{1,2})[月./-](\d{1,2})日?$/.exec(typed);
  if (short) {
    const [month, day] = numbers(short, 1);
    for (let year = today.year; year <= today.year + 8; year++) {
      const candidate = { year, month, day };
      if (validDay(candidate) && compareDays(candidate, today) >= 0) return candidate;
    }
  }
  return null;
}
